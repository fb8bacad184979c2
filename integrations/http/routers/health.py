"""GET /healthz (the process is up) and GET /readyz (an index is in service, and which)."""

from fastapi import APIRouter, Depends, Request

from ..deps import get_assistant
from ..schemas import Health, Readiness, error_responses

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness")
async def healthz() -> dict:
    """Always 200 while the process serves requests."""
    return {"status": "ok"}


@router.get("/readyz", response_model=Readiness, summary="Readiness", responses=error_responses(503))
async def readyz(request: Request, assistant=Depends(get_assistant)) -> dict:
    """200 while an index is in service, naming it (a rebuilt index that did not load is named too); 503 otherwise."""
    import time

    from assistant.reload import manifest_id

    from ..errors import public_message

    manifest = assistant.index.manifest
    reloader = request.app.state.reloader
    loaded_at = reloader.loaded_at if reloader and reloader.loaded_at else time.time()
    refused = reloader.last_refusal if reloader else None
    return {
        "status": "ready",
        "chunks": assistant.chunk_count,
        "embedder": manifest.embedder,
        "built_at": manifest.built_at,
        "index_id": manifest_id(manifest),
        "corpus_hash": manifest.corpus_hash,
        "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(loaded_at)),
        "reload_refused": public_message(refused) if refused else None,
    }
