"""GET /v1/snippets/{snippet_id}: one snippet of the catalog."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from assistant.models import Snippet

from ..deps import get_assistant
from ..schemas import error_responses

router = APIRouter(tags=["article"])


@router.get(
    "/v1/snippets/{snippet_id}",
    response_model=Snippet,
    summary="Get a catalog snippet by id",
    responses=error_responses(401, 404, 422, 503),
)
def snippet(
    snippet_id: Annotated[str, Path(description="Catalog id, as listed by `docker-qa snippets list`")],
    assistant=Depends(get_assistant),
) -> Snippet:
    """The snippet: title, language, code, reference and explanation."""
    return assistant.snippet(snippet_id)
