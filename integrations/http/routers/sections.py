"""GET /v1/sections: the article's headings with anchors and URLs."""

from fastapi import APIRouter, Depends

from assistant.models import SectionInfo

from ..deps import get_assistant
from ..schemas import error_responses

router = APIRouter(tags=["article"])


@router.get(
    "/v1/sections",
    response_model=list[SectionInfo],
    summary="List the article's sections",
    responses=error_responses(401, 503),
)
def sections(assistant=Depends(get_assistant)) -> list[SectionInfo]:
    """Every section of the indexed article, in order."""
    return assistant.sections()
