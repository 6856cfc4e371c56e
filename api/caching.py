"""Conditional GET: a strong ETag from the body, and 304 when the client already has it.

Content-based, so it is right whatever changed the store (a write here, or on a remote server);
linked-data crawlers and caches revalidate an unchanged resource without a body.
"""

from __future__ import annotations

import hashlib

from fastapi import Request, Response


def conditional(request: Request, response: Response) -> Response:
    """``response`` with an ETag, or an empty 304 when If-None-Match names that ETag."""
    tag = '"' + hashlib.sha256(bytes(response.body)).hexdigest()[:32] + '"'
    response.headers["ETag"] = tag
    wanted = [t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")]
    if tag in wanted or "*" in wanted:
        kept = {
            k: v
            for k, v in response.headers.items()
            if k.lower() in ("etag", "vary", "link", "content-location")
        }
        return Response(status_code=304, headers=kept)
    return response
