"""Plotly figure builders for the pages.

Each builder takes plain arrays or lists and a language, and returns a
`plotly.graph_objects.Figure`; the pages only call `st.plotly_chart`.
Colors follow TensorFlow Playground: class 0 orange, class 1 blue.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from playground import evaluation
from playground.i18n import translate

CLASS_COLORS = [
    "#f59322",
    "#0877bd",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
HISTORY_HEIGHT = 320
MAX_NEURONS_SHOWN = 16
# Projector-readable text: tick labels and legends at 14 px, axis titles at 16 px.
FONT_SIZE = 14
TITLE_FONT_SIZE = 16
# Legend in the band above the plot area, where no annotation goes.
LEGEND_ABOVE = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"}
# Confusion-matrix cells: text from CELL_FONT_MAX px (few classes) down to
# CELL_FONT_MIN px; 10 classes get CELL_FONT_FOR_10 px.
CELL_FONT_MAX = 24
CELL_FONT_FOR_10 = 16
CELL_FONT_MIN = 9
CELL_HEIGHT = 44
SELECTED_CELL_FILL = "#ffd43b"
SELECTED_CELL_EDGE = "#262730"
MATRIX_PLOT_HEIGHT_RANGE = (260, 460)
THRESHOLD_Y_RANGE = (0, 1.05)
METRIC_LABEL_KEYS = {
    "loss": "chart.loss",
    "accuracy": "chart.accuracy",
    "mae": "chart.mae",
    "mse": "chart.mse",
}


def class_color(index: int) -> str:
    """The color used for class `index` in every chart."""
    return CLASS_COLORS[index % len(CLASS_COLORS)]


def plain_text(text) -> str:
    """`text` escaped for Plotly, which renders a subset of HTML in labels.

    Class names come from students' CSV files: "<a href=...>" or "<b>"
    must show as typed, never as a link or bold text.
    """
    return html.escape(str(text), quote=False)


def _readable_fonts(fig: go.Figure) -> None:
    """Tick labels, legend and annotations at 14 px, axis titles at 16 px."""
    fig.update_layout(font={"size": FONT_SIZE}, legend={"font": {"size": FONT_SIZE}})
    axis_fonts = {
        "tickfont": {"size": FONT_SIZE},
        "title_font": {"size": TITLE_FONT_SIZE},
        "automargin": True,
    }
    fig.update_xaxes(**axis_fonts)
    fig.update_yaxes(**axis_fonts)


def _curves_high_at(fig: go.Figure, x: float, y_range: Sequence[float] | None = None) -> bool:
    """Whether the figure's lines, at the data point nearest `x`, sit mostly
    in the upper half of `y_range` (by default the span of all their values)."""
    at_x, every = [], []
    for trace in fig.data:
        xs = np.asarray(trace.x if trace.x is not None else [], dtype=float)
        ys = np.asarray(
            [np.nan if y is None else y for y in (trace.y if trace.y is not None else [])],
            dtype=float,
        )
        finite = np.isfinite(xs) & np.isfinite(ys)
        if finite.any():
            xs, ys = xs[finite], ys[finite]
            at_x.append(ys[np.argmin(np.abs(xs - x))])
            every.extend(ys)
    if not at_x:
        return False
    low, high = y_range if y_range is not None else (min(every), max(every))
    if high <= low:
        return False
    return float(np.mean([(y - low) / (high - low) for y in at_x])) > 0.5


def _marker_line(
    fig: go.Figure,
    x: float,
    text: str,
    axis_range: Sequence[float],
    y_range: Sequence[float] | None = None,
) -> None:
    """A dashed vertical line at `x` with its label inside the plot area.

    The label sits on the side of the line with more room: right of it
    in the left half of `axis_range`, left of it in the right half, so
    the figure's edge never clips it. It hangs from the top of the plot
    area, or stands on its bottom where the lines run high at `x` (an
    accuracy curve), so it hides as little of them as it can. Either
    way it stays inside the plot area and never meets the legend above.
    """
    low, high = (float(v) for v in axis_range)
    in_left_half = x - low <= (high - low) / 2
    at_bottom = _curves_high_at(fig, x, y_range)
    fig.add_vline(x=x, line_dash="dash", line_color="green")
    fig.add_annotation(
        x=x,
        xref="x",
        y=0 if at_bottom else 1,
        yref="y domain",
        yanchor="bottom" if at_bottom else "top",
        xanchor="left" if in_left_half else "right",
        xshift=4 if in_left_half else -4,
        text=plain_text(text),
        showarrow=False,
        font={"size": FONT_SIZE, "color": "green"},
        bgcolor="rgba(255, 255, 255, 0.85)",
    )


def _metric_label(metric: str, lang: str) -> str:
    key = METRIC_LABEL_KEYS.get(metric)
    return translate(key, lang) if key else metric


def _finite_or_none(value) -> float | None:
    """Plotly draws None as a gap; NaN/inf would wreck the axis range."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def history_figure(
    history: Sequence[dict], metric: str, lang: str = "en", best_epoch: int | None = None
) -> go.Figure:
    """Train vs validation curve of one metric over the epochs.

    Args:
        history: per-epoch log dicts, e.g. {"epoch": 1, "loss": .., "val_loss": ..};
            "epoch" is 1-based (the position is used when it is missing).
            May be empty while the first epoch runs.
        metric: "loss", "accuracy", "mae" (or any logged name).
        lang: language of titles and legend.
        best_epoch: epoch to mark with a dashed vertical line, or None.

    Returns:
        A Figure with a "train" line, a "validation" line when the logs
        have `val_<metric>` (or the history is still empty), and the
        best-epoch line as a layout shape.
    """
    epochs = [int(logs.get("epoch", position + 1)) for position, logs in enumerate(history)]
    val_key = f"val_{metric}"
    has_validation = not history or any(val_key in logs for logs in history)
    lines = [(metric, "chart.train", CLASS_COLORS[1])]
    if has_validation:
        lines.append((val_key, "chart.validation", CLASS_COLORS[0]))
    fig = go.Figure()
    for key, label, color in lines:
        fig.add_trace(
            go.Scatter(
                x=epochs,
                y=[_finite_or_none(logs.get(key)) for logs in history],
                mode="lines+markers",
                name=translate(label, lang),
                line={"color": color},
            )
        )
    xaxis = {"title": translate("chart.epoch", lang)}
    if len(epochs) <= 20:
        xaxis.update(tick0=1, dtick=1)
    if len(epochs) <= 1:
        # A lone point (or none) gets a sensible window instead of a zoom-in.
        xaxis["range"] = [0.5, max(epochs or [1]) + 0.5]
    if best_epoch is not None:
        _marker_line(
            fig,
            best_epoch,
            translate("chart.best_epoch", lang, epoch=best_epoch),
            xaxis.get("range") or (min(epochs or [best_epoch]), max(epochs or [best_epoch])),
        )
    fig.update_layout(
        height=HISTORY_HEIGHT,
        xaxis=xaxis,
        yaxis={"title": _metric_label(metric, lang)},
        legend=LEGEND_ABOVE,
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        uirevision=metric,
    )
    _readable_fonts(fig)
    return fig


def confusion_cell_font_size(n_classes: int) -> int:
    """Pixel size of the numbers in a K×K confusion matrix's cells.

    Large for a few classes, 16 px for 10 (readable from the back of a
    room), then smaller as the cells shrink, never below 9 px.
    """
    size = round(CELL_FONT_FOR_10 * 10 / max(int(n_classes), 1))
    return int(min(CELL_FONT_MAX, max(CELL_FONT_MIN, size)))


def confusion_figure_height(n_classes: int) -> int:
    """Figure height that keeps cells about square in a half-page column."""
    low, high = MATRIX_PLOT_HEIGHT_RANGE
    plot_height = min(high, max(low, CELL_HEIGHT * int(n_classes)))
    return plot_height + 90  # the x-axis tick labels and title below the cells


def _percent_text(percent: float) -> str:
    """A row percentage for a cell: whole numbers, never rounded to 0 % or 100 %."""
    if math.isnan(percent):
        return ""
    if 0 < percent < 1:
        return "<1%"
    if 99 < percent < 100:
        return ">99%"
    return f"{percent:.0f}%"


def confusion_matrix_figure(
    cm, class_names: Sequence[str], lang: str = "en", values: str = "counts"
) -> go.Figure:
    """A confusion matrix whose cells fill the chart, with large numbers in them.

    The colored cells are a heatmap, so they stretch to the container's
    width. The numbers are a scatter of (invisible) square markers at
    the cell centers: their text size is fixed in pixels, and a scatter
    reports clicks to `st.plotly_chart(on_select=...)`, which heatmaps
    do not. Each point's `customdata` is (actual index, predicted index,
    count, row %). Hovering anywhere in a cell shows both the count and
    the row percentage.

    Args:
        cm: (K, K) counts, rows actual and columns predicted.
        class_names: one name per class.
        lang: language of the axis titles and hover text.
        values: "counts" to write and color by counts, or "percent" for
            the share of each actual class's row (0-100 %).

    Returns:
        A Figure with a heatmap trace (z: the counts or row
        percentages) and a scatter trace with one text point per cell.

    Raises:
        ValueError: if `values` is not "counts" or "percent", or `cm` is
            not square with one row per class name.
    """
    if values not in ("counts", "percent"):
        raise ValueError(
            f"Argument `values` must be 'counts' or 'percent'. Received: values={values!r}"
        )
    counts = np.asarray(cm)
    k = len(class_names)
    if counts.shape != (k, k):
        raise ValueError(
            "Argument `cm` must be square with one row per class name. "
            f"Received: cm.shape={counts.shape}, len(class_names)={k}"
        )
    percent = evaluation.row_percentages(counts)
    if values == "counts":
        z = counts.astype(float)
        texts = [[str(int(count)) for count in row] for row in counts]
        z_max = max(float(z.max()) if z.size else 0.0, 1.0)
    else:
        z = percent
        texts = [[_percent_text(p) for p in row] for row in percent]
        z_max = 100.0
    names = [plain_text(name) for name in class_names]
    rows, cols = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    rows, cols = rows.ravel(), cols.ravel()
    z_flat = np.nan_to_num(z.ravel(), nan=0.0)
    heatmap = go.Heatmap(
        x=names,
        y=names,
        z=z,
        zmin=0,
        zmax=z_max,
        colorscale="Blues",
        showscale=False,
        xgap=2,
        ygap=2,
        hoverinfo="skip",
    )
    cells = go.Scatter(
        x=[names[c] for c in cols],
        y=[names[r] for r in rows],
        mode="markers+text",
        text=[plain_text(texts[r][c]) for r, c in zip(rows, cols)],
        textposition="middle center",
        textfont={
            "size": confusion_cell_font_size(k),
            "color": ["#ffffff" if value > 0.55 * z_max else "#262730" for value in z_flat],
        },
        marker={
            "symbol": "square",
            "size": 30,
            "opacity": 0,
            "line": {"width": 3, "color": SELECTED_CELL_EDGE},
        },
        # A clicked cell shows a yellow square behind its number; a color for the
        # selected text also stops Plotly from fading every other cell's number.
        selected={
            "marker": {"opacity": 1, "color": SELECTED_CELL_FILL, "size": 40},
            "textfont": {"color": "#262730"},
        },
        customdata=np.column_stack([rows, cols, counts.ravel(), percent.ravel()]),
        hovertemplate=translate("chart.cell_hover", lang) + "<extra></extra>",
        showlegend=False,
    )
    fig = go.Figure([heatmap, cells])
    # Fixed ranges: autorange would pad the axes to fit the (invisible) markers.
    axis = {
        "type": "category",
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
    }
    fig.update_xaxes(
        title=translate("chart.predicted", lang), side="bottom", range=[-0.5, k - 0.5], **axis
    )
    fig.update_yaxes(title=translate("chart.actual", lang), range=[k - 0.5, -0.5], **axis)
    fig.update_layout(
        height=confusion_figure_height(k),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        plot_bgcolor="white",
        hovermode="closest",
        hoverdistance=-1,
        clickmode="event+select",
        dragmode=False,
    )
    _readable_fonts(fig)
    return fig


def class_counts(y, class_names: Sequence[str]) -> dict[str, int]:
    """Number of examples per class, in class order.

    Args:
        y: integer labels, shape (n,).
        class_names: one name per class.

    Returns:
        {class name: count}, zero for classes that never occur.
    """
    counts = np.bincount(np.asarray(y, dtype=int).ravel(), minlength=len(class_names))
    return {str(name): int(count) for name, count in zip(class_names, counts)}


def class_balance_figure(
    counts: Mapping[str, int] | np.ndarray,
    lang: str = "en",
    class_names: Sequence[str] | None = None,
) -> go.Figure:
    """Bar chart of how many examples each class has.

    Args:
        counts: {class name: count}, or integer labels y together with
            `class_names`.
        lang: language of the axis titles.
        class_names: needed when `counts` is a label array.

    Returns:
        A Figure with one bar trace.
    """
    if not isinstance(counts, Mapping):
        if class_names is None:
            raise ValueError(
                "Argument `class_names` is needed when `counts` is a label array. "
                "Received: class_names=None"
            )
        counts = class_counts(counts, class_names)
    names = list(counts)
    fig = go.Figure(
        go.Bar(
            x=[plain_text(name) for name in names],
            y=[counts[name] for name in names],
            text=[counts[name] for name in names],
            marker_color=[class_color(k) for k in range(len(names))],
        )
    )
    fig.update_layout(
        height=300,
        xaxis={"title": translate("chart.class", lang), "type": "category"},
        yaxis={"title": translate("chart.count", lang)},
        margin={"l": 50, "r": 20, "t": 20, "b": 40},
    )
    _readable_fonts(fig)
    return fig


def target_histogram(y, lang: str = "en", bins: int = 30) -> go.Figure:
    """Histogram of a regression target.

    Args:
        y: target values, shape (n,).
        lang: language of the axis titles.
        bins: the most bins to use.

    Returns:
        A Figure with one histogram trace.
    """
    fig = go.Figure(
        go.Histogram(
            x=np.asarray(y, dtype=float).ravel(), nbinsx=bins, marker_color=CLASS_COLORS[1]
        )
    )
    fig.update_layout(
        height=300,
        xaxis={"title": translate("chart.target", lang)},
        yaxis={"title": translate("chart.count", lang)},
        margin={"l": 50, "r": 20, "t": 20, "b": 40},
    )
    _readable_fonts(fig)
    return fig


def _point_traces(x, y, class_names: Sequence[str], lang: str) -> list[go.Scatter]:
    """Data points as one trace per class, or one value-colored trace."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y).ravel()
    marker_line = {"width": 1, "color": "white"}
    if not class_names:
        return [
            go.Scatter(
                x=x[:, 0],
                y=x[:, 1],
                mode="markers",
                name=translate("chart.target", lang),
                marker={
                    "color": y.astype(float),
                    "coloraxis": "coloraxis",
                    "line": marker_line,
                    "size": 7,
                },
            )
        ]
    return [
        go.Scatter(
            x=x[y == k, 0],
            y=x[y == k, 1],
            mode="markers",
            name=plain_text(name),
            marker={"color": class_color(k), "line": marker_line, "size": 7},
        )
        for k, name in enumerate(class_names)
    ]


def _plane_layout(fig: go.Figure, lang: str, height: int = 420) -> None:
    fig.update_layout(
        height=height,
        xaxis={"title": translate("chart.feature_x1", lang), "constrain": "domain"},
        yaxis={
            "title": translate("chart.feature_x2", lang),
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
        },
        margin={"l": 50, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.08, "x": 0},
    )
    _readable_fonts(fig)


def scatter_2d_figure(x, y, class_names: Sequence[str], lang: str = "en") -> go.Figure:
    """The points of a 2-D toy set, colored by class.

    Args:
        x: inputs, shape (n, 2).
        y: integer labels, or target values when `class_names` is empty.
        class_names: one name per class; empty for regression.
        lang: language of titles.

    Returns:
        A Figure with one scatter trace per class (one trace for regression).
    """
    fig = go.Figure(_point_traces(x, y, class_names, lang))
    if not class_names:
        fig.update_layout(coloraxis={"colorscale": "Viridis"})
    _plane_layout(fig, lang)
    return fig


def _grid_values(values, shape: tuple[int, int]) -> np.ndarray:
    """One number per grid cell, from a model's grid output or already reduced."""
    values = np.asarray(values, dtype=float)
    if values.shape == shape:
        return values
    return evaluation.one_value_per_point(values.reshape(shape[0] * shape[1], -1)).reshape(shape)


def _class_colorscale(n_classes: int) -> list[list]:
    """A stepped colorscale mapping class k (zmin=-0.5, zmax=K-0.5) to its color."""
    scale = []
    for k in range(n_classes):
        scale.append([k / n_classes, class_color(k)])
        scale.append([(k + 1) / n_classes, class_color(k)])
    return scale


def decision_boundary_figure(
    grid_x,
    grid_y,
    values,
    x,
    y,
    class_names: Sequence[str],
    task: str,
    lang: str = "en",
) -> go.Figure:
    """What the model predicts over the input plane, with the data on top.

    This is TensorFlow Playground's main view. Build the grid with
    `evaluation.input_grid` and predict on its points.

    Args:
        grid_x: x coordinates of the grid, shape (gx,).
        grid_y: y coordinates of the grid, shape (gy,).
        values: model output on the grid, shape (gy * gx, units) or
            (gy, gx, units), or already one number per cell, (gy, gx).
        x: data points, shape (n, 2).
        y: their labels (or targets for regression).
        class_names: one name per class; empty for regression.
        task: "binary", "multiclass" or "regression".
        lang: language of titles.

    Returns:
        A Figure whose first trace is the heatmap (probability of class 1,
        argmax class, or predicted value) followed by the point traces.
    """
    grid_x = np.asarray(grid_x, dtype=float)
    grid_y = np.asarray(grid_y, dtype=float)
    z = _grid_values(values, (len(grid_y), len(grid_x)))
    heatmap = {"x": grid_x, "y": grid_y, "z": z, "opacity": 0.55, "hoverinfo": "skip"}
    if task == "binary":
        heatmap.update(
            zmin=0,
            zmax=1,
            zsmooth="best",
            colorscale=[[0, CLASS_COLORS[0]], [0.5, "#ffffff"], [1, CLASS_COLORS[1]]],
            colorbar={
                "title": {
                    "text": translate(
                        "chart.probability_of", lang, name=plain_text(class_names[1])
                    ),
                    "side": "right",  # along the bar, clear of its top tick
                }
            },
        )
    elif task == "multiclass":
        heatmap.update(
            zmin=-0.5,
            zmax=len(class_names) - 0.5,
            colorscale=_class_colorscale(len(class_names)),
            showscale=False,
        )
    else:
        heatmap.update(coloraxis="coloraxis", zsmooth="best")
    fig = go.Figure([go.Heatmap(**heatmap), *_point_traces(x, y, class_names, lang)])
    if task == "regression":
        fig.update_layout(
            coloraxis={
                "colorscale": "Viridis",
                "colorbar": {"title": {"text": translate("chart.prediction", lang)}},
            }
        )
    _plane_layout(fig, lang)
    fig.update_xaxes(range=[grid_x.min(), grid_x.max()])
    fig.update_yaxes(range=[grid_y.min(), grid_y.max()])
    return fig


def neuron_grid_figure(
    activations,
    extent: Sequence[float],
    lang: str = "en",
    title: str = "",
    max_units: int = MAX_NEURONS_SHOWN,
) -> go.Figure:
    """Small heatmaps, one per hidden unit, over the 2-D input plane.

    Each shows the feature that neuron computes from (x1, x2): the
    network's own feature engineering.

    Args:
        activations: one layer's outputs on a grid, shape (gy, gx, units),
            or (g * g, units) for a square grid.
        extent: (x_min, x_max, y_min, y_max) of the grid.
        lang: language of the subplot titles.
        title: figure title, e.g. the layer's name.
        max_units: the most neurons drawn (the first ones).

    Returns:
        A Figure with one heatmap trace per neuron shown.
    """
    activations = np.asarray(activations, dtype=float)
    if activations.ndim == 2:
        side = math.isqrt(activations.shape[0])
        if side * side != activations.shape[0]:
            raise ValueError(
                "Argument `activations` of shape (points, units) needs a square grid. "
                f"Received: activations.shape={activations.shape}"
            )
        activations = activations.reshape(side, side, -1)
    if activations.ndim != 3:
        raise ValueError(
            "Argument `activations` must have shape (gy, gx, units). "
            f"Received: activations.shape={activations.shape}"
        )
    units = activations.shape[2]
    shown = min(units, max_units)
    cols = min(shown, 4) or 1
    rows = max(1, math.ceil(shown / cols))
    x_min, x_max, y_min, y_max = (float(v) for v in extent)
    grid_x = np.linspace(x_min, x_max, activations.shape[1])
    grid_y = np.linspace(y_min, y_max, activations.shape[0])
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[translate("chart.neuron", lang, index=k + 1) for k in range(shown)],
        horizontal_spacing=0.03,
        vertical_spacing=0.08,
    )
    for k in range(shown):
        fig.add_trace(
            go.Heatmap(
                x=grid_x,
                y=grid_y,
                z=activations[:, :, k],
                colorscale=[[0, CLASS_COLORS[0]], [0.5, "#ffffff"], [1, CLASS_COLORS[1]]],
                showscale=False,
                zsmooth="best",
                hovertemplate="x1=%{x:.2f}<br>x2=%{y:.2f}<br>%{z:.3f}<extra></extra>",
            ),
            row=k // cols + 1,
            col=k % cols + 1,
        )
    if units > shown:
        title = f"{title} " + translate("chart.neurons_shown", lang, shown=shown, total=units)
    fig.update_xaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(
        title={"text": title.strip(), "font": {"size": TITLE_FONT_SIZE}},
        height=60 + 150 * rows,
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
        font={"size": FONT_SIZE},
    )
    return fig


def image_grid_figure(images, labels: Sequence[str], lang: str = "en", cols: int = 8) -> go.Figure:
    """Grayscale sample images with their labels as titles.

    Args:
        images: shape (n, h, w), or (n, h*w) for square images, in any
            scaling (the color range follows the data).
        labels: one title per image.
        lang: unused by the images themselves; kept for a uniform API.
        cols: images per row.

    Returns:
        A Figure with one heatmap trace per image.
    """
    images = np.asarray(images, dtype=float)
    if images.ndim == 2:
        side = math.isqrt(images.shape[1])
        images = images.reshape(len(images), side, side)
    n = len(images)
    cols = max(1, min(cols, n))
    rows = max(1, math.ceil(n / cols))
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[plain_text(label) for label in labels[:n]],
        horizontal_spacing=0.01,
        vertical_spacing=0.12 if rows > 1 else 0.0,
    )
    low = float(images.min()) if n else 0.0
    high = float(images.max()) if n else 1.0
    for k, image in enumerate(images):
        fig.add_trace(
            go.Heatmap(
                z=image, colorscale="gray", zmin=low, zmax=high, showscale=False, hoverinfo="skip"
            ),
            row=k // cols + 1,
            col=k % cols + 1,
        )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, autorange="reversed")
    for k in range(n):  # square pixels, however wide the column
        fig.update_yaxes(scaleanchor=f"x{k + 1 if k else ''}", row=k // cols + 1, col=k % cols + 1)
    fig.update_layout(
        height=50 + 110 * rows,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"size": FONT_SIZE},
    )
    return fig


def probability_bars_figure(
    probs, class_names: Sequence[str], lang: str = "en", highlight: int | None = None
) -> go.Figure:
    """One softmax row as bars, the chosen class highlighted.

    Args:
        probs: class probabilities of one example, shape (K,) (a single
            sigmoid value p is shown as [1 - p, p]).
        class_names: one name per class.
        lang: language of the axis titles.
        highlight: class to highlight; the argmax by default.

    Returns:
        A Figure with one bar trace.
    """
    probs = evaluation.class_probabilities(np.asarray(probs, dtype=float).reshape(1, -1))[0]
    if highlight is None:
        highlight = int(np.argmax(probs))
    colors = [CLASS_COLORS[1] if k == highlight else "#c7c7c7" for k in range(len(probs))]
    fig = go.Figure(
        go.Bar(
            x=[plain_text(name) for name in class_names],
            y=probs,
            marker_color=colors,
            text=[f"{p:.2f}" for p in probs],
            textposition="outside",
        )
    )
    fig.update_layout(
        height=280,
        xaxis={"title": translate("chart.class", lang), "type": "category"},
        yaxis={"title": translate("chart.probability", lang), "range": [0, 1.1]},
        margin={"l": 50, "r": 20, "t": 20, "b": 40},
    )
    _readable_fonts(fig)
    return fig


def predicted_vs_actual_figure(y_true, y_pred, lang: str = "en") -> go.Figure:
    """Predicted against actual values, with the perfect-prediction line y = x.

    Args:
        y_true: true targets, shape (n,).
        y_pred: predictions, shape (n,) or (n, 1).
        lang: language of titles.

    Returns:
        A Figure with the point trace and the y = x line trace.
    """
    y_true = np.asarray(y_true, dtype=float).ravel()
    y_pred = np.asarray(y_pred, dtype=float).ravel()
    both = np.concatenate([y_true, y_pred])
    both = both[np.isfinite(both)]
    low, high = (float(both.min()), float(both.max())) if len(both) else (0.0, 1.0)
    fig = go.Figure(
        [
            go.Scatter(
                x=y_true,
                y=y_pred,
                mode="markers",
                name=translate("chart.test_examples", lang),
                marker={"color": CLASS_COLORS[1], "opacity": 0.6},
            ),
            go.Scatter(
                x=[low, high],
                y=[low, high],
                mode="lines",
                name=translate("chart.perfect_line", lang),
                line={"color": "gray", "dash": "dash"},
            ),
        ]
    )
    fig.update_layout(
        height=400,
        xaxis={"title": translate("chart.actual", lang)},
        yaxis={"title": translate("chart.predicted", lang)},
        margin={"l": 50, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.08, "x": 0},
    )
    _readable_fonts(fig)
    return fig


def threshold_figure(
    sweep_frame, threshold: float, lang: str = "en", positive_name: str | None = None
) -> go.Figure:
    """Precision, recall (and accuracy) against the threshold.

    Args:
        sweep_frame: the DataFrame from `evaluation.threshold_sweep`.
        threshold: the current threshold, marked with a vertical line.
        lang: language of titles and legend.
        positive_name: the class the threshold is about, named in the
            x-axis title and the precision/recall legend; None for an
            unnamed "positive" class.

    Returns:
        A Figure with one line per metric column, the threshold line as a
        layout shape and its label as an annotation inside the plot area.
    """
    name = (
        plain_text(positive_name)
        if positive_name is not None
        else translate("chart.positive", lang)
    )
    styles = {
        "precision": (CLASS_COLORS[1], "solid", "chart.precision_of"),
        "recall": (CLASS_COLORS[0], "solid", "chart.recall_of"),
        "accuracy": ("gray", "dot", "chart.accuracy"),
    }
    fig = go.Figure()
    for column, (color, dash, label) in styles.items():
        if column in sweep_frame:
            fig.add_trace(
                go.Scatter(
                    x=sweep_frame["threshold"],
                    y=sweep_frame[column],
                    mode="lines+markers",
                    name=translate(label, lang, name=name),
                    line={"color": color, "dash": dash},
                )
            )
    _marker_line(
        fig,
        threshold,
        translate("chart.threshold_at", lang, threshold=threshold),
        (0, 1),
        y_range=THRESHOLD_Y_RANGE,
    )
    fig.update_layout(
        height=HISTORY_HEIGHT,
        # A little room left of 0, so the x tick "0" keeps clear of the y tick "0".
        xaxis={"title": translate("chart.threshold_on", lang, name=name), "range": [-0.04, 1]},
        yaxis={"range": list(THRESHOLD_Y_RANGE)},
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        legend=LEGEND_ABOVE,
    )
    _readable_fonts(fig)
    return fig


def roc_figure(
    roc: evaluation.RocCurve,
    point: tuple[float, float],
    threshold: float,
    lang: str = "en",
    positive_name: str | None = None,
) -> go.Figure:
    """The ROC curve with its AUC, the chance diagonal and the current threshold.

    Args:
        roc: the curve from `evaluation.roc`.
        point: (FPR, TPR) at the current threshold, from `evaluation.roc_point`.
        threshold: the current threshold, named beside its point.
        lang: language of titles and legend.
        positive_name: the class the threshold is about; None for "positive".

    Returns:
        A Figure with the curve (its legend entry gives the AUC), the
        diagonal, and one marker at `point` labelled with the threshold.
    """
    name = (
        plain_text(positive_name)
        if positive_name is not None
        else translate("chart.positive", lang)
    )
    auc = (
        translate("chart.roc_auc", lang, auc=roc.auc)
        if roc.auc is not None
        else translate("chart.roc_no_auc", lang)
    )
    fpr, tpr = (float(v) for v in point)
    fig = go.Figure(
        [
            go.Scatter(
                x=roc.fpr,
                y=roc.tpr,
                mode="lines",
                name=auc,
                line={"color": CLASS_COLORS[1], "width": 3, "shape": "hv"},
                hovertemplate="FPR %{x:.2f}, TPR %{y:.2f}<extra></extra>",
            ),
            go.Scatter(
                x=[0, 1],
                y=[0, 1],
                mode="lines",
                name=translate("chart.roc_chance", lang),
                line={"color": "gray", "dash": "dot"},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[fpr],
                y=[tpr],
                mode="markers",
                name=translate("chart.threshold_at", lang, threshold=threshold),
                marker={"color": "green", "size": 14, "symbol": "circle"},
                hovertemplate="FPR %{x:.2f}, TPR %{y:.2f}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        height=HISTORY_HEIGHT,
        xaxis={
            "title": translate("chart.roc_fpr", lang),
            "range": [-0.02, 1.02],
            "constrain": "domain",
        },
        yaxis={
            "title": translate("chart.roc_tpr", lang, name=name),
            "range": [-0.02, 1.05],
        },
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        legend=LEGEND_ABOVE,
    )
    _readable_fonts(fig)
    return fig


def highlight_points(fig: go.Figure, x, name: str) -> go.Figure:
    """Adds rings around some points of a 2-D plane figure (e.g. one matrix cell's examples).

    Args:
        fig: a figure from `decision_boundary_figure` or `scatter_2d_figure`.
        x: the points to ring, shape (n, 2), in the figure's coordinates.
        name: their legend entry (already translated).

    Returns:
        The same figure, with one more scatter trace on top.
    """
    x = np.asarray(x, dtype=float).reshape(-1, 2)
    fig.add_trace(
        go.Scatter(
            x=x[:, 0],
            y=x[:, 1],
            mode="markers",
            name=plain_text(name),
            marker={
                "symbol": "circle-open",
                "size": 16,
                "color": "#d62728",
                "line": {"width": 3, "color": "#d62728"},
            },
        )
    )
    return fig


def digit_input_figure(image01, size: int = 280) -> go.Figure:
    """One 28×28 input drawn square and pixel by pixel, 0 black to 1 white.

    Args:
        image01: shape (28, 28), values in 0..1.
        size: width and height of the figure in pixels.
    """
    fig = go.Figure(
        go.Heatmap(
            z=np.asarray(image01, dtype=float),
            colorscale="gray",
            zmin=0,
            zmax=1,
            showscale=False,
            hovertemplate="row %{y}, col %{x}: %{z:.2f}<extra></extra>",
        )
    )
    fig.update_yaxes(
        autorange="reversed", showticklabels=False, scaleanchor="x", constrain="domain"
    )
    fig.update_xaxes(showticklabels=False, constrain="domain")
    fig.update_layout(
        width=size,
        height=size,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        font={"size": FONT_SIZE},
    )
    return fig


# One colour per run on the comparison charts; not the class colours, which
# the decision boundaries beside them use.
RUN_COLORS = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
]


def run_color(index: int) -> str:
    """The colour of the `index`-th run on the comparison charts."""
    return RUN_COLORS[index % len(RUN_COLORS)]


def compare_history_figure(
    runs: Sequence[tuple[str, Sequence[dict]]], metric: str, lang: str = "en"
) -> go.Figure:
    """Several runs' curves of one metric on one chart: training solid, validation dashed.

    Args:
        runs: (name, history) per run; the name (student text) is escaped.
        metric: "loss", "accuracy", "mae" (or any logged name).
        lang: language of the titles.

    Returns:
        A Figure with, per run, a solid "train" line named after the run
        and, when logged, a dashed validation line of the same colour in
        the same legend group (one legend entry per run).
    """
    fig = go.Figure()
    longest = 1
    for index, (name, history) in enumerate(runs):
        epochs = [int(logs.get("epoch", position + 1)) for position, logs in enumerate(history)]
        longest = max([longest, *epochs])
        label = plain_text(name)
        for key, dash, part in ((metric, "solid", "chart.train"), (f"val_{metric}", "dash", None)):
            if not any(key in logs for logs in history):
                continue
            fig.add_trace(
                go.Scatter(
                    x=epochs,
                    y=[_finite_or_none(logs.get(key)) for logs in history],
                    mode="lines",
                    name=label,
                    legendgroup=str(index),
                    showlegend=part is not None,
                    line={"color": run_color(index), "dash": dash, "width": 2.5},
                    # The name goes in as data, never into the template's own text.
                    hovertemplate="%{fullData.name} · "
                    + translate(part or "chart.validation", lang)
                    + "<br>%{x}: %{y:.4f}<extra></extra>",
                )
            )
    fig.update_layout(
        height=HISTORY_HEIGHT + 40,
        xaxis={"title": translate("chart.epoch", lang), "range": [0.5, longest + 0.5]},
        yaxis={"title": _metric_label(metric, lang)},
        legend=LEGEND_ABOVE,
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        uirevision=metric,
    )
    _readable_fonts(fig)
    return fig
