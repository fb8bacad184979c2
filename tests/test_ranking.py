"""The learned section ranking: tree evaluation, reordering, the bundled model, and fitting one for a user's index."""

import json
from dataclasses import replace

from click.testing import CliRunner

from assistant.cli import main
from assistant.ranking import FEATURES, TOP, RankingModel, candidate_features, reorder


def test_a_model_sums_the_leaves_each_row_reaches():
    # one tree: feature 0 <= 0.5 -> leaf 1.0, else leaf -2.0; a second tree: a single leaf 0.25
    model = RankingModel(trees=[[[0, 0.5, 1, 2, 0.0], [-2, -2.0, -1, -1, 1.0], [-2, -2.0, -1, -1, -2.0]], [[-2, -2.0, -1, -1, 0.25]]])
    assert model.score([0.2]) == 1.25
    assert model.score([0.9]) == -1.75


def test_without_a_model_retrieval_keeps_its_order(assistant):
    found = assistant.retriever.retrieve("Do containers share the kernel?", learned=False)
    assert reorder(None, assistant.retriever, found.question, found.sections) == found.sections


def test_the_model_picks_the_first_section_among_the_first_candidates(assistant):
    found = assistant.retriever.retrieve("How do I keep data when a container is removed?", learned=False)
    assert len(found.sections) > TOP
    rows = candidate_features(assistant.retriever, found.question, found.sections)
    assert len(rows) == TOP and all(len(row) == len(FEATURES) for row in rows)
    # a model that prefers the last candidate (the highest "rank" feature) puts it first; the rest keep their order
    rank = FEATURES.index("rank")
    model = RankingModel(trees=[[[rank, TOP - 1.5, 1, 2, 0.0], [-2, -2.0, -1, -1, 0.0], [-2, -2.0, -1, -1, 1.0]]])
    ordered = reorder(model, assistant.retriever, found.question, found.sections)
    assert ordered[0] == found.sections[TOP - 1]
    assert ordered[1:TOP] == found.sections[: TOP - 1]
    assert ordered[TOP:] == found.sections[TOP:]


def test_the_bundled_index_has_a_ranking_model_and_verdicts_read_retrievals_order(assistant):
    """The bundled corpus ships a model fitted on its labelled questions; the verdict stage still reads the sections
    in retrieval's own order, so a reordering changes which section is cited first, never which evidence is read."""
    model = assistant.retriever.ranking
    assert model is not None and len(model.trees) > 0 and model.fitted_on
    question = "Do containers on one host share the kernel?"
    with_model = assistant.ask(question)
    assistant.retriever.ranking = None
    try:
        assistant.clear_caches()
        without = assistant.ask(question)
    finally:
        assistant.retriever.ranking = model
        assistant.clear_caches()
    assert with_model.verdict == without.verdict == "yes"


def _calibrate(tmp_path, index, model: str, lines: list[dict]) -> None:
    """`calibrate --MODEL` on labelled lines for a user's index: stored beside it, the bundled model untouched."""
    from conftest import ROOT

    questions = tmp_path / "labelled.jsonl"
    questions.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    bundled = (ROOT / "corpus" / f"{model}.json").read_bytes()
    result = CliRunner().invoke(main, ["calibrate", f"--{model}", str(questions), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert str(index / f"{model}.json") in result.output
    assert (ROOT / "corpus" / f"{model}.json").read_bytes() == bundled


def test_calibrating_a_ranking_model_for_a_users_index(tmp_path):
    """`calibrate --ranking --index` fits trees for that index, stores them beside it (never in the bundled corpus),
    and the assistant on that index loads them; a model of the wrong feature list is ignored."""
    from assistant.core import Assistant
    from assistant.settings import Settings
    from conftest import build_post_index

    post = "\n\n".join(
        f"## {name}\n\n### {name} problem\n\n{name} {problem}.\n\n### {name} fix\n\nTo fix it, {fix}."
        for name, problem, fix in (
            ("Memory", "leaks grow the heap until the process is killed", "set a heap limit and profile allocations"),
            ("Disk", "fills up with old log files", "rotate the logs and delete old ones"),
            ("Network", "timeouts happen when the pool is exhausted", "raise the pool size and add retries"),
        )
    )
    index = build_post_index(tmp_path, "ops.md", f"---\ntitle: Ops\n---\n\n{post}\n")
    lines = [{"q": f"How do I fix {n.lower()} trouble?", "gold": [f"{n} fix"]} for n in ("Memory", "Disk", "Network")]
    lines += [{"q": f"What goes wrong with {n.lower()}?", "gold": [f"{n} problem"]} for n in ("Memory", "Disk", "Network")]
    _calibrate(tmp_path, index, "ranking", lines)
    loaded = Assistant.load(Settings(index_dir=index)).retriever.ranking
    assert loaded is not None and loaded.fitted_on == ["labelled.jsonl"]
    stored = json.loads((index / "ranking.json").read_text(encoding="utf-8"))
    key = next(iter(stored))
    stored[key] = {**stored[key], "features": ["score"]}
    (index / "ranking.json").write_text(json.dumps(stored), encoding="utf-8")
    assert Assistant.load(Settings(index_dir=index)).retriever.ranking is None


def test_calibrating_a_ranking_model_needs_gold_among_the_candidates(tmp_path):
    questions = tmp_path / "offtopic.jsonl"
    questions.write_text(json.dumps({"q": "How do I bake bread?", "gold": [], "offtopic": True}) + "\n", encoding="utf-8")
    from conftest import ROOT

    bundled = (ROOT / "corpus" / "ranking.json").read_bytes()
    result = CliRunner().invoke(main, ["calibrate", "--ranking", str(questions)])
    assert result.exit_code == 2
    assert "ranking model needs answerable questions" in result.output and "Traceback" not in result.output
    assert (ROOT / "corpus" / "ranking.json").read_bytes() == bundled


def test_replace_keeps_the_unlearned_order(assistant):
    found = assistant.retriever.retrieve("Why do containers share the host kernel?")
    assert found.unlearned is None or sorted(found.unlearned, key=str) == sorted(found.sections, key=str)
    assert replace(found, sections=found.sections[:1]).unlearned == found.unlearned


# --- the off-topic trees -------------------------------------------------------------------------------------


def test_the_offtopic_trees_refuse_a_near_miss_the_refusal_model_lets_through(assistant):
    """"tmpfs" is rare but not a name by the answerability rules, and the question shares "마운트" with the article:
    the refusal model alone answers it; the trees fitted for the bundled corpus refuse it, and still answer the
    article's own question."""
    near_miss = "tmpfs 마운트는 언제 쓰는 거예요?"
    model = assistant.offtopic
    assert model is not None and model.fitted_on
    refused = assistant.ask(near_miss)
    assistant.offtopic = None
    try:
        assistant.clear_caches()
        without = assistant.ask(near_miss)
    finally:
        assistant.offtopic = model
        assistant.clear_caches()
    assert refused.refused and not refused.citations and "tmpfs" in refused.answer
    assert 0.5 <= refused.confidence <= 1.0
    assert not without.refused
    assert not assistant.ask("Do containers share the kernel?").refused


def test_calibrating_offtopic_trees_for_a_users_index(tmp_path):
    from assistant.core import Assistant
    from assistant.settings import Settings
    from conftest import build_post_index

    post = "\n\n".join(
        f"## {name} cache\n\n{name} keeps a cache of {thing} so that repeated reads are fast; evictions happen when memory runs low."
        for name, thing in (("Redis", "keys"), ("Varnish", "pages"), ("Memcached", "objects"), ("Nginx", "responses"))
    )
    index = build_post_index(tmp_path, "caches.md", f"---\ntitle: Caches\n---\n\n{post}\n")
    lines = [{"q": f"How does {n} keep its cache?", "gold": [f"{n} cache"]} for n in ("Redis", "Varnish", "Memcached", "Nginx")]
    lines += [{"q": q, "gold": [], "offtopic": True} for q in ("How do I bake bread?", "Who won the football match?", "What is the capital of Peru?")]
    _calibrate(tmp_path, index, "offtopic", lines)
    assistant = Assistant.load(Settings(index_dir=index))
    assert assistant.offtopic is not None and assistant.offtopic.fitted_on == ["labelled.jsonl"]
    # the threshold lies above every answered answerable question it was fitted on
    assert all(not assistant.ask(line["q"]).refused for line in lines[:4])


def test_calibrate_fits_one_model_at_a_time_and_needs_both_kinds_of_question(tmp_path):
    questions = tmp_path / "answerable.jsonl"
    questions.write_text(json.dumps({"q": "Do containers share the kernel?", "gold": ["커널"]}) + "\n", encoding="utf-8")
    from conftest import ROOT

    bundled = (ROOT / "corpus" / "offtopic.json").read_bytes()
    both = CliRunner().invoke(main, ["calibrate", "--ranking", "--offtopic", str(questions)])
    assert both.exit_code == 2 and "one model at a time" in both.output
    result = CliRunner().invoke(main, ["calibrate", "--offtopic", str(questions)])
    assert result.exit_code == 2
    assert "off-topic model needs" in result.output and "Traceback" not in result.output
    assert (ROOT / "corpus" / "offtopic.json").read_bytes() == bundled


# --- the follow-up ranking model -------------------------------------------------------------------------------


def _follow_up_found(assistant):
    """A follow-up's retrieval and the prior its conversation gives: the section "Do containers share the kernel?"
    is answered from."""
    first = assistant.ask("Do containers share the kernel?")
    prior = (first.citations[0].section,)
    return assistant.retrieve("What about the network, is it shared?"), prior


def test_follow_up_features_mark_the_prior_and_the_typed_question(assistant):
    from assistant.ranking import FOLLOW_UP_FEATURES, follow_up_features

    found, prior = _follow_up_found(assistant)
    anchors = assistant._anchors(prior)
    sections = found.unlearned or found.sections
    keys = [key for key, _, _ in sections]
    typed = assistant.retriever.retrieve("and the network?", learned=False).sections
    rows = follow_up_features(assistant.retriever, found.question, sections, "and the network?", typed, anchors, 0.02, keys)
    assert len(rows) == TOP and all(len(row) == len(FOLLOW_UP_FEATURES) for row in rows)
    column = {name: i for i, name in enumerate(FOLLOW_UP_FEATURES)}
    assert [row[column["prior"]] for row in rows] == [float(key[1] in anchors) for key in keys[:TOP]]
    assert [row[column["preferred_rank"]] for row in rows] == [float(i) for i in range(TOP)]
    assert {row[column["as_typed"]] for row in rows} == {0.0}
    # the question typed as read: its own retrieval is the same, so it ranks each section where retrieval does
    same = follow_up_features(assistant.retriever, found.question, sections, found.question, sections, anchors, 0.02, keys)
    assert [row[column["typed_rank"]] for row in same] == [float(i) for i in range(TOP)]
    assert {row[column["as_typed"]] for row in same} == {1.0}


def test_the_follow_up_model_moves_its_pick_first_and_verdicts_read_the_preferred_order(assistant):
    from assistant.ranking import FOLLOW_UP_FEATURES, FollowUpModel

    found, prior = _follow_up_found(assistant)
    model = assistant.follow_up_ranking
    assert model is not None and model.fitted_on
    try:
        assistant.follow_up_ranking = None
        preferred = assistant._follow_up_order(found, found.question, "and the network?", prior, "hybrid")
        assert preferred.unlearned is None
        # a model that prefers the last candidate (the highest "rank" feature) puts it first, the rest in the
        # preferred order, which stays the order the verdict stage reads
        rank = FOLLOW_UP_FEATURES.index("rank")
        assistant.follow_up_ranking = FollowUpModel(trees=[[[rank, TOP - 1.5, 1, 2, 0.0], [-2, -2.0, -1, -1, 0.0], [-2, -2.0, -1, -1, 1.0]]])
        picked = assistant._follow_up_order(found, found.question, "and the network?", prior, "hybrid")
        last = (found.unlearned or found.sections)[TOP - 1]
        assert picked.sections[0] == last
        assert [s for s in picked.sections if s != last] == [s for s in preferred.sections if s != last]
        assert picked.unlearned == preferred.sections
        # dense or BM25 retrieval keeps the preferred order: the model was fitted on hybrid retrieval's scores
        assert assistant._follow_up_order(found, found.question, "and the network?", prior, "bm25").sections == preferred.sections
    finally:
        assistant.follow_up_ranking = model
        assistant.clear_caches()


def test_calibrating_a_follow_up_model_for_a_users_index(tmp_path):
    """`calibrate --follow-ups` fits on question files and conversation files together, stores the trees beside the
    user's index, and the assistant on that index loads them; conversation files need --follow-ups, and
    --follow-ups needs a conversation file."""
    from assistant.core import Assistant
    from assistant.settings import Settings
    from conftest import ROOT, build_post_index

    post = "\n\n".join(
        f"## {name}\n\n{name} stores {thing} on disk and replicates it to a second node every minute."
        for name, thing in (("Postgres", "tables"), ("Kafka", "topics"), ("Elasticsearch", "indices"))
    )
    index = build_post_index(tmp_path, "stores.md", f"---\ntitle: Stores\n---\n\n{post}\n")
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        "\n".join(json.dumps({"q": f"What does {n} store?", "gold": [n]}) for n in ("Postgres", "Kafka", "Elasticsearch")) + "\n",
        encoding="utf-8",
    )
    talks = tmp_path / "talks.jsonl"
    talks.write_text(
        json.dumps({"turns": [{"q": "What does Postgres store?", "gold": ["Postgres"]}, {"q": "and Kafka?", "gold": ["Kafka"]}]}) + "\n",
        encoding="utf-8",
    )
    bundled = (ROOT / "corpus" / "follow_up_ranking.json").read_bytes()
    result = CliRunner().invoke(main, ["calibrate", "--follow-ups", str(questions), str(talks), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert str(index / "follow_up_ranking.json") in result.output and "1 conversations" in result.output
    assert (ROOT / "corpus" / "follow_up_ranking.json").read_bytes() == bundled
    loaded = Assistant.load(Settings(index_dir=index)).follow_up_ranking
    assert loaded is not None and loaded.fitted_on == ["questions.jsonl", "talks.jsonl"]
    wrong = CliRunner().invoke(main, ["calibrate", "--ranking", str(talks), "--index", str(index)])
    assert wrong.exit_code == 2 and "only --follow-ups fits on conversation files" in wrong.output
    alone = CliRunner().invoke(main, ["calibrate", "--follow-ups", str(questions), "--index", str(index)])
    assert alone.exit_code == 2 and "name at least one" in alone.output and "Traceback" not in alone.output


def test_a_pronoun_read_as_its_antecedent_keeps_the_prior_preference(assistant):
    """"Show me the command for that" is read with the earlier question's term in place of "that": it points at what
    that question was answered from, so the follow-up ranking model does not reorder its sections, whatever it
    would pick."""
    from assistant.conversation import Turn
    from assistant.ranking import FOLLOW_UP_FEATURES, FollowUpModel

    first = assistant.ask("How do containers communicate with each other?")
    history = [Turn(first.question, first)]
    follow = "Show me the command for that"
    reading = assistant.read(follow, history)
    assert reading.prior and not reading.topic and reading.question != follow
    model = assistant.follow_up_ranking
    rank = FOLLOW_UP_FEATURES.index("rank")
    try:
        assistant.follow_up_ranking = None
        assistant.clear_caches()
        without = assistant.ask(follow, history=history)
        assistant.follow_up_ranking = FollowUpModel(trees=[[[rank, 0.5, 1, 2, 0.0], [-2, -2.0, -1, -1, 0.0], [-2, -2.0, -1, -1, 1.0]]])
        assistant.clear_caches()
        learned = assistant.ask(follow, history=history)
    finally:
        assistant.follow_up_ranking = model
        assistant.clear_caches()
    assert [c.section for c in learned.citations] == [c.section for c in without.citations]


def test_the_prior_is_a_candidate_wherever_retrieval_ranks_it(assistant):
    """A follow-up's prior that retrieval ranks below the first TOP sections takes the last candidate's place, so the
    follow-up ranking model can weigh it: a model that prefers the prior (the "prior" feature) cites it first."""
    from assistant.ranking import FOLLOW_UP_FEATURES, FollowUpModel

    found = assistant.retrieve("Do containers share the kernel?")
    sections = found.unlearned or found.sections
    far = sections[TOP + 2][0]  # a section retrieval ranks eighth
    prior = (assistant.section_label(far),)
    assert far[1] in assistant._anchors(prior)
    model = assistant.follow_up_ranking
    column = FOLLOW_UP_FEATURES.index("prior")
    try:
        assistant.follow_up_ranking = None
        preferred = assistant._follow_up_order(found, found.question, found.question, prior, "hybrid")
        assert preferred.sections[0][0] != far  # the preference alone keeps it where it scores
        assistant.follow_up_ranking = FollowUpModel(trees=[[[column, 0.5, 1, 2, 0.0], [-2, -2.0, -1, -1, 0.0], [-2, -2.0, -1, -1, 1.0]]])
        picked = assistant._follow_up_order(found, found.question, found.question, prior, "hybrid")
        assert picked.sections[0][0] == far
    finally:
        assistant.follow_up_ranking = model
        assistant.clear_caches()
