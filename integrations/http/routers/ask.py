"""POST /v1/ask: a question in, the core's answer model out."""

from fastapi import APIRouter, Body, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from assistant.models import Answer

from ..deps import get_assistant, get_metrics, require_json
from ..schemas import ASK_EXAMPLES, AskRequest, error_responses

router = APIRouter(tags=["answers"])


@router.post(
    "/v1/ask",
    response_model=Answer,
    summary="Answer a question about the article",
    responses=error_responses(400, 401, 413, 415, 422, 503),
    dependencies=[Depends(require_json)],
)
async def ask(
    body: AskRequest = Body(openapi_examples=ASK_EXAMPLES),
    assistant=Depends(get_assistant),
    metrics=Depends(get_metrics),
) -> Response:
    """The answer: verdict, short Markdown text, citations and snippets, or a refusal naming the article's topics."""
    # A repeated question is answered from the core's cache on the event loop; new ones go to a worker thread.
    answer = None if body.history else assistant.cached_answer(body.question, top_k=body.top_k)
    if answer is None:
        history = [{"question": turn.question, "answer": turn.answer} for turn in body.history]
        answer = await run_in_threadpool(assistant.ask, body.question, top_k=body.top_k, history=history)
    metrics.record_answer(answer)
    # Already a validated model: serialize once instead of letting FastAPI validate it again.
    return Response(answer.model_dump_json(), media_type="application/json")
