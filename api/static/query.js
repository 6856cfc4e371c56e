// The query form: POST the query to /sparql and show SELECT results as a table, ASK as a word,
// CONSTRUCT/DESCRIBE as Turtle. Values are inserted as text nodes, never as HTML.
"use strict";

// IRIs are shown short: ours as their path on this server, vocabulary terms as prefix:name.
function shortIri(iri, base, prefixes) {
  if (base && iri.startsWith(base + "id/")) {
    return { text: iri.slice(base.length + 3), href: "/" + iri.slice(base.length) };
  }
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) {
      const href = prefix === "nk" ? "/ontology.html#" + iri.slice(namespace.length) : iri;
      return { text: prefix + ":" + iri.slice(namespace.length), href: href };
    }
  }
  return { text: iri, href: iri };
}

function cell(term, base, prefixes) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const short = shortIri(term.value, base, prefixes);
    const a = document.createElement("a");
    a.href = short.href;
    a.textContent = short.text;
    a.title = term.value;
    td.appendChild(a);
  } else {
    td.textContent = term.value;
    if (term.value.length <= 12) td.className = "nowrap";
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
    else if (term.datatype) td.title = term.datatype;
  }
  return td;
}

function table(data, base, prefixes) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = "?" + name;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.appendChild(cell(binding[name], base, prefixes));
  }
  return t;
}

async function run(event) {
  event.preventDefault();
  const text = document.getElementById("query-text").value;
  const status = document.getElementById("query-status");
  const out = document.getElementById("query-results");
  status.textContent = "running…";
  out.replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query: text }),
    });
    const type = response.headers.get("Content-Type") || "";
    const ms = Math.round(performance.now() - started);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ message: response.statusText }));
      status.textContent = "";
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = response.status + ": " + problem.message;
      out.appendChild(p);
      return;
    }
    if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        status.textContent = ms + " ms";
        const p = document.createElement("p");
        p.className = "boolean";
        p.textContent = data.boolean ? "true" : "false";
        out.appendChild(p);
      } else {
        status.textContent = data.results.bindings.length + " rows, " + ms + " ms";
        const prefixes = JSON.parse(out.dataset.prefixes || "{}");
        out.appendChild(table(data, out.dataset.base || "", prefixes));
      }
    } else {
      status.textContent = ms + " ms";
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      out.appendChild(pre);
    }
  } catch (error) {
    status.textContent = "failed: " + error;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  form.addEventListener("submit", run);
  // A link to "...#run", or a browser following /sparql?query=..., runs the query at once.
  if (window.location.hash === "#run" || form.dataset.autorun === "true") form.requestSubmit();
  for (const link of document.querySelectorAll("a.example")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      document.getElementById("query-text").value = link.dataset.query;
      document.getElementById("query-form").requestSubmit();
    });
  }
});
