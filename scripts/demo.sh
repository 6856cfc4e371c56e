#!/usr/bin/env bash
# Set everything up, ingest the bundled sample articles into the embedded store, and serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
store=${NEWSKG_STORE:-data/store}
port=${PORT:-8000}
export NEWSKG_BASE_IRI=${NEWSKG_BASE_IRI:-http://127.0.0.1:$port/}
.venv/bin/kg ingest --store "$store" kg/samples
cat <<EOT

newskg is serving the store $store at http://127.0.0.1:$port/
  home page and query form   http://127.0.0.1:$port/
  SPARQL endpoint            http://127.0.0.1:$port/sparql
  API documentation          http://127.0.0.1:$port/docs
  try                        .venv/bin/kg query --store $store 'SELECT ?e ?date WHERE { ?e a nk:Visit ; nk:date ?date }'
Stop with Ctrl-C.
EOT
exec .venv/bin/kg serve --store "$store" --host 127.0.0.1 --port "$port"
