"""The class's runs in one Plotly chart: accuracy against one setting, a point per run."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from playground.charts import CLASS_COLORS, FONT_SIZE, LEGEND_ABOVE, plain_text
from playground.classroom import RunRow, plot_points
from playground.i18n import translate

CLASS_CHART_HEIGHT = 380


def class_runs_figure(
    rows: list[RunRow], axis: str, name_of: Callable[[RunRow], str], lang: str = "en"
) -> go.Figure:
    """Each scored run as a point: the setting `axis` names across, its accuracy up.

    Args:
        rows: the class's runs (`classroom.RunRow`); unscored ones are left out.
        axis: one of `classroom.PLOT_AXES`; the learning rate is drawn on a log scale.
        name_of: the student's name for a run, shown (escaped) when hovering.
        lang: language of the titles.

    Returns:
        One scatter trace per dataset, so each dataset has its color and legend entry.
    """
    by_dataset: dict[str, list] = {}
    for x, score, row in plot_points(rows, axis):
        by_dataset.setdefault(row.dataset, []).append((x, score, row))
    fig = go.Figure()
    for index, (dataset, points) in enumerate(sorted(by_dataset.items())):
        fig.add_trace(
            go.Scatter(
                x=[x for x, _, _ in points],
                y=[score for _, score, _ in points],
                mode="markers",
                name=plain_text(translate(f"data.name.{dataset}", lang)),
                marker={
                    "color": CLASS_COLORS[index % len(CLASS_COLORS)],
                    "size": 10,
                    "opacity": 0.75,
                },
                text=[
                    f"{plain_text(name_of(row))}<br>{plain_text(row.config_line)}"
                    for _, _, row in points
                ],
                hovertemplate="%{text}<br>%{y:.3f}<extra></extra>",
            )
        )
    xaxis = {"title": translate(f"teacher.axis.{axis}", lang)}
    if axis == "learning_rate":
        xaxis["type"] = "log"
    elif axis == "optimizer":
        xaxis["type"] = "category"
    fig.update_layout(
        height=CLASS_CHART_HEIGHT,
        xaxis=xaxis,
        yaxis={"title": translate("teacher.axis.accuracy", lang), "range": [0, 1.02]},
        legend=LEGEND_ABOVE,
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        font={"size": FONT_SIZE},
        uirevision=axis,
    )
    return fig
