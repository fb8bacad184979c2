"""POST /v1/feedback: a 👍 or 👎 from the web page, stored with the Slack votes."""

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from assistant.feedback import Vote, record_vote

from ..deps import get_assistant, get_settings, require_json
from ..schemas import FeedbackCounts, FeedbackRequest, error_responses

router = APIRouter(tags=["feedback"])


@router.post(
    "/v1/feedback",
    response_model=FeedbackCounts,
    summary="Vote on an answer (helpful or not)",
    responses=error_responses(400, 401, 413, 415, 422, 503),
    dependencies=[Depends(require_json)],
)
async def feedback(body: FeedbackRequest, assistant=Depends(get_assistant), settings=Depends(get_settings)) -> FeedbackCounts:
    """Store the voter's vote on one answer (a second vote replaces the first); the answer's vote counts."""
    # The answer is the core's own (from its cache when just asked), never text sent by the page.
    answer = assistant.cached_answer(body.question, top_k=body.top_k)
    if answer is None:
        answer = await run_in_threadpool(assistant.ask, body.question, top_k=body.top_k)
    sections = [citation.section for citation in answer.citations]
    vote = Vote(
        channel="web",
        message_ts=body.answer_id,
        user_id=body.voter,
        question=answer.question,
        section=sections[0] if sections else None,
        helpful=body.helpful,
        surface="web",
        answer=answer.answer,
        sections=sections,
    )
    helpful, not_helpful = await run_in_threadpool(record_vote, settings, vote)
    return FeedbackCounts(helpful=helpful, not_helpful=not_helpful)
