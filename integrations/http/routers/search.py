"""GET /v1/search: the retriever's ranked chunks with their scores and sections."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from assistant.models import SearchHit
from assistant.settings import MAX_QUESTION_CHARS

from ..deps import get_assistant
from ..schemas import EXAMPLE_QUESTION, error_responses

router = APIRouter(tags=["search"])


@router.get(
    "/v1/search",
    response_model=list[SearchHit],
    summary="Rank the article's chunks for a query",
    responses=error_responses(400, 401, 422, 503),
)
def search(
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUESTION_CHARS,
            pattern=r"\S",
            description="The query, in English or Korean",
            examples=[EXAMPLE_QUESTION],
        ),
    ],
    k: Annotated[int, Query(ge=1, le=50, description="How many chunks to return")] = 5,
    assistant=Depends(get_assistant),
) -> list[SearchHit]:
    """Ranked chunks, best first, for clients that compose their own answer or debug retrieval."""
    return assistant.search(q, k=k)
