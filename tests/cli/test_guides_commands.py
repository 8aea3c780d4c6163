"""The guides' advice on the command line: advice (--json), certify, portfolio, interview and
habit, each writing one transaction; bad input exits 2 with one line and writes nothing."""

from __future__ import annotations

import json


def test_advice_json_has_stage_certifications_interview_habits_and_pitfall(planner) -> None:
    assert planner("target", "machine-learning-engineer")[0] == 0
    code, out, _ = planner("advice", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["stage"]["name"] == "Entry level" and data["stage"]["pay"] == "$80K–$120K"
    names = [c["name"] for c in data["certifications"]]
    assert "AWS Certified Machine Learning - Specialty" in names
    assert data["interview"]["due"] is False and len(data["interview"]["steps"]) >= 8
    assert [h["key"] for h in data["habits"]] == ["meetup", "community", "conference", "writing"]
    assert data["pitfall"]["key"] == "no_portfolio"
    assert any(i["title"] == "Serve a model behind an API" for i in data["portfolio_ideas"])


def test_certify_portfolio_interview_and_habit_write_the_plan(planner) -> None:
    assert planner("target", "machine-learning-engineer")[0] == 0
    assert planner("certify", "TensorFlow Developer Certificate")[0] == 0
    aws = next(
        c
        for c in json.loads(planner("advice", "--json")[1])["certifications"]
        if c["name"] == "TensorFlow Developer Certificate"
    )
    assert aws["added"] is True
    code, out, _ = planner(
        "portfolio", "Churn API", "--status", "done", "--skill", "Docker", "--json"
    )
    assert code == 0 and json.loads(out)[0]["skills"] == ["Docker"]
    gap = json.loads(planner("gap", "--json")[1])
    evidence = {g["skill"]: g["evidence"] for g in gap["gaps"] if g["evidence"]}
    assert evidence == {"Docker": "Churn API"}
    assert planner("interview")[1].startswith("Interview preparation: 1")  # 10 steps
    assert planner("habit", "meetup")[0] == 0
    advice = json.loads(planner("advice", "--json")[1])
    assert advice["interview"]["started"] and advice["habits"][0]["taken"]
    assert advice["pitfall"] is None


def test_bad_input_exits_2_with_one_line_and_writes_nothing(planner) -> None:
    code, out, err = planner("certify", "Astronaut Licence")
    assert code == 2 and out == "" and err.count("\n") == 1 and "certification" in err
    code, _, err = planner("portfolio", "Thing", "--status", "shipped")
    assert code == 2 and "idea, in_progress, done" in err
    assert json.loads(planner("portfolio", "--json")[1]) == []
    code, _, err = planner("habit", "karaoke")
    assert code == 2 and "meetup" in err
