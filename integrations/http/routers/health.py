"""GET /healthz (the process is up) and GET /readyz (the index is loaded and its manifest is valid)."""

from fastapi import APIRouter, Depends

from assistant.settings import Settings

from ..deps import get_assistant, get_settings
from ..schemas import Health, Readiness, error_responses

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness")
async def healthz() -> dict:
    """Always 200 while the process serves requests."""
    return {"status": "ok"}


@router.get("/readyz", response_model=Readiness, summary="Readiness", responses=error_responses(503))
def readyz(assistant=Depends(get_assistant), settings: Settings = Depends(get_settings)) -> dict:
    """200 when the index is loaded and its manifest on disk is still valid; 503 with the reason otherwise."""
    from assistant.index import check_manifest, read_manifest

    manifest = read_manifest(settings.index_dir)
    check_manifest(manifest, settings.index_dir, settings)
    return {"status": "ready", "chunks": assistant.chunk_count, "embedder": manifest.embedder, "built_at": manifest.built_at}
