"""Run names, renaming, and the Compare page (against the in-process fake backend)."""

import json

import numpy as np

from playground import charts, run_names
from playground.board import JobBoard
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.runs import GridOutputs
from tests import fake_backend
from tests.test_pages import texts

MOONS = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=200), epochs=3, layers=[LayerConfig(8, "relu")]
)


def variant(**changes) -> ExperimentConfig:
    config = ExperimentConfig.from_dict(MOONS.to_dict())
    for key, value in changes.items():
        if key == "optimizer":
            config.switch_optimizer(value)
        elif key == "activation":
            config.layers = [LayerConfig(8, value)]
        else:
            setattr(config, key, value)
    return config


# ------------------------------------------------------------------ names
def test_a_lone_run_and_a_repeat_are_called_by_their_dataset_and_number():
    assert run_names.automatic_names([MOONS]) == ["moons #1"]
    assert run_names.automatic_names([MOONS, variant()]) == ["moons #1", "moons #2"]


def test_names_say_what_differs_from_the_other_runs():
    names = run_names.automatic_names(
        [MOONS, variant(optimizer="sgd"), variant(activation="tanh", learning_rate=0.01)]
    )
    assert names == [
        "relu · adam · lr 0.001",
        "relu · sgd · lr 0.01",
        "tanh · adam · lr 0.01",
    ]


def test_sgds_momentum_is_named_only_between_sgd_runs():
    sgd = variant(optimizer="sgd")
    faster = variant(optimizer="sgd", momentum=0.9)
    assert run_names.automatic_names([sgd, faster]) == ["momentum 0", "momentum 0.9"]
    assert run_names.automatic_names([MOONS, faster]) == ["adam · lr 0.001", "sgd · lr 0.01"]


def test_runs_alike_in_what_differs_get_their_number():
    names = run_names.automatic_names([MOONS, variant(), variant(epochs=5)])
    assert names == ["3 epochs #1", "3 epochs #2", "5 epochs"]


def test_a_chosen_name_wins_and_an_empty_one_keeps_the_automatic_one():
    assert run_names.run_names([MOONS, variant(epochs=5)], ["mine", ""]) == ["mine", "5 epochs"]


def test_a_name_is_bounded_and_has_no_control_characters():
    assert run_names.bounded_name("  a\nb\t\x00c  ") == "a b c"
    long = run_names.bounded_name("x" * 500)
    assert len(long) == run_names.MAX_NAME_CHARS and long.endswith("…")


def test_only_the_owner_renames_a_job_and_the_name_stays_with_it():
    board = JobBoard()
    job_id = board.submit(MOONS, owner="me")
    assert not board.rename(job_id, "someone else", "stolen")
    assert not board.rename("no such job", "me", "x")
    assert board.rename(job_id, "me", "  my **best**\nrun  ")
    assert board.views_of("me")[0].name == "my **best** run"
    assert board.rename(job_id, "me", "")
    assert board.view(job_id).name == ""


# ------------------------------------------------------------------ chart
def test_the_comparison_chart_overlays_every_run_train_solid_validation_dashed():
    history = [{"epoch": 1, "loss": 0.6, "val_loss": 0.7}, {"epoch": 2, "loss": 0.5}]
    runs = [("<b>one</b>", history), ("two", history), ("three", history)]
    fig = charts.compare_history_figure(runs, "loss")
    assert len(fig.data) == 6
    assert [trace.line.dash for trace in fig.data] == ["solid", "dash"] * 3
    assert [trace.name for trace in fig.data if trace.showlegend] == [
        "&lt;b&gt;one&lt;/b&gt;",
        "two",
        "three",
    ]
    assert len({trace.line.color for trace in fig.data}) == 3
    assert all("%{fullData.name}" in trace.hovertemplate for trace in fig.data)


# ------------------------------------------------------------------ page


def finished_run(backend, owner, config, folder, accuracy, grid=False) -> str:
    job_id = backend.submit(config, owner)
    backend.start()
    history = [
        {"epoch": e, "loss": 0.7 - 0.1 * e, "val_loss": 0.75 - 0.1 * e, "accuracy": 0.6 + 0.1 * e}
        for e in (1, 2)
    ]
    for logs in history:
        backend.epoch(job_id, {k: v for k, v in logs.items() if k != "epoch"})
    result = fake_backend.binary_result(config, history, accuracy)
    if grid:
        xs = np.linspace(-2, 2, 5)
        result.grid = GridOutputs(
            xs=xs,
            ys=xs,
            layers=[np.random.default_rng(0).random((5, 5, 1))],
            x_train=np.zeros((4, 2)),
            y_train=np.array([0, 1, 0, 1]),
        )
    backend.finish(job_id, folder / job_id, result)
    return job_id


def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_compare_overlays_three_runs_with_their_settings_scores_and_boundaries(fake, tmp_path):
    at, backend = fake
    owner = at.session_state["_browser_id"]
    configs = [MOONS, variant(optimizer="sgd"), variant(activation="tanh")]
    for config, accuracy in zip(configs, (0.8, 0.7, 0.9)):
        finished_run(backend, owner, config, tmp_path, accuracy, grid=True)
    at.switch_page("pages/compare.py").run()
    assert not at.exception, at.exception

    specs = chart_specs(at)
    loss = next(spec for spec in specs if spec["layout"]["yaxis"]["title"]["text"] == "Loss")
    legend = [trace["name"] for trace in loss["data"] if trace.get("showlegend", True)]
    assert legend == ["relu · adam · lr 0.001", "relu · sgd · lr 0.01", "tanh · adam · lr 0.001"]
    assert sum(trace["line"]["dash"] == "dash" for trace in loss["data"]) == 3
    heatmaps = [spec for spec in specs if spec["data"][0]["type"] == "heatmap"]
    assert len(heatmaps) == 3  # the three boundaries side by side

    settings, scores = at.dataframe[0].value, at.dataframe[1].value
    assert list(settings.columns) == [f"{i}. {name}" for i, name in enumerate(legend, start=1)]
    assert list(settings.loc["Optimizer"]) == ["adam", "sgd", "adam"]
    assert list(scores.loc["Test accuracy"]) == [0.8, 0.7, 0.9]
    assert "Decision boundaries" in texts(at)


def test_a_renamed_run_keeps_its_name_on_every_page_after_a_reload(fake, tmp_path):
    at, backend = fake
    owner = at.session_state["_browser_id"]
    first = finished_run(backend, owner, MOONS, tmp_path, 0.8)
    finished_run(backend, owner, variant(epochs=5), tmp_path, 0.7)
    at.switch_page("pages/compare.py").run()
    at.text_input(key=f"rename_{first}").input("my *first* <run>").run()
    assert backend.snapshot(first).name == "my *first* <run>"

    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    options = at.selectbox[0].options
    assert any(option.startswith("my *first* <run> (") for option in options)

    at.switch_page("pages/compare.py").run()
    assert "1. my *first* <run>" in list(at.dataframe[0].value.columns)
    assert "my \\*first\\* &lt;run&gt;" not in " ".join(at.multiselect[0].options)


def test_compare_with_fewer_than_two_runs_says_how_to_get_them(fake, tmp_path):
    at, backend = fake
    finished_run(backend, at.session_state["_browser_id"], MOONS, tmp_path, 0.8)
    at.switch_page("pages/compare.py").run()
    assert not at.exception, at.exception
    assert "at least two finished runs" in texts(at)


def test_evaluate_offers_the_model_the_script_and_the_notebook(fake, tmp_path):
    at, backend = fake
    job_id = finished_run(backend, at.session_state["_browser_id"], MOONS, tmp_path, 0.8)
    (tmp_path / job_id / "model.keras").write_bytes(b"model bytes")
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    buttons = {button.proto.label: button.proto for button in at.get("download_button")}
    assert {"Model (.keras)", "Python script (.py)", "Jupyter notebook (.ipynb)"} <= set(buttons)
    assert "Take it home" in texts(at)
    code = at.get("code")[0].proto.code_text
    assert "make_moons(200, noise=0.2, random_state=0)" in code
    assert "import playground" not in code
