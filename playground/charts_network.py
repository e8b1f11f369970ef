"""Plotly figures that look inside a network: the live diagram, first-layer weights, class averages.

`network_figure` draws a `network_view.NetworkSnapshot` the way TensorFlow
Playground draws its network: the inputs on the left, every hidden layer,
the output on the right; each neuron a small picture of what it computes
(a map over the input plane as a PNG image, or a histogram of its output
over the sample rows), each connection a line coloured by its weight's sign
(blue positive, orange negative) and as wide as its size. Hovering a neuron
or the middle of a line shows its numbers.
"""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import plotly.graph_objects as go
from PIL import Image
from plotly.subplots import make_subplots

from playground.charts import CLASS_COLORS, FONT_SIZE, TITLE_FONT_SIZE, plain_text
from playground.i18n import translate
from playground.network_view import DEAD, SATURATED, NetworkSnapshot, NeuronView

NEGATIVE, POSITIVE = CLASS_COLORS[0], CLASS_COLORS[1]
MARKED = "#d62728"
OUTLINE = "#9e9e9e"
COLUMN_GAP = 3.0
BOX_WIDTH, BOX_HEIGHT = 1.0, 0.8
ROW_PX = 54
FIGURE_MARGIN_PX = 150
NAME_CHARS = 14
EDGE_WIDTHS = (1.0, 2.5, 4.5, 7.0)
PIXEL_NAME = re.compile(r"pixel_(\d+)_(\d+)")
# Diverging map colours, TensorFlow Playground's: orange below 0, white at 0, blue above.
MAP_STOPS = np.array([[0xF5, 0x93, 0x22], [0xFF, 0xFF, 0xFF], [0x08, 0x77, 0xBD]], dtype=float)
WEIGHT_SCALE = [[0.0, NEGATIVE], [0.5, "#ffffff"], [1.0, POSITIVE]]


def feature_label(name: str, lang: str = "en") -> str:
    """An input's name as the page shows it: "pixel (14, 9)" for MNIST's pixel_14_9."""
    match = PIXEL_NAME.fullmatch(name)
    if match:
        return translate("net.pixel", lang, row=int(match[1]), col=int(match[2]))
    return name


def network_figure(snapshot: NetworkSnapshot, lang: str = "en", title: str = "") -> go.Figure:
    """The network diagram of one snapshot.

    Plotly checks every value it is given, item by item for Python lists;
    so the figure is a few traces of NumPy arrays (NaN between shapes)
    rather than one shape or annotation per neuron, which keeps a page
    refresh light (bench/network_diagram.py).

    Args:
        snapshot: what to draw (`network_view.network_snapshot`).
        lang: language of the labels and hover texts.
        title: the figure's title, e.g. which epoch it shows.

    Returns:
        A Figure: neurons as pictures with outlines (red for dead or
        saturated ones), connections as lines, hover texts on both.
    """
    columns = [_positions(len(layer.neurons)) for layer in snapshot.layers]
    fig = go.Figure()
    _draw_edges(fig, snapshot, columns, lang)
    images, outlines, marked, bars = [], [], [], []
    hover_x, hover_y, hover_text = [], [], []
    labels = {"middle left": [], "top center": [], "bottom center": []}
    tallest = max(len(rows) for rows in columns)
    half = max(tallest, 1) / 2
    for number, (layer, rows) in enumerate(zip(snapshot.layers, columns)):
        x = number * COLUMN_GAP
        labels["top center"].append((x, half + 0.15, _column_title(snapshot, number, lang)))
        for neuron, y in zip(layer.neurons, rows):
            left, top = x - BOX_WIDTH / 2, y + BOX_HEIGHT / 2
            if snapshot.side:
                images.append(_map_image(neuron, snapshot.side, left, top))
            else:
                bars.append(_histogram_bars(neuron, left, top))
            flagged = neuron.status in (DEAD, SATURATED)
            (marked if flagged else outlines).append(_box(left, top))
            hover_x.append(x)
            hover_y.append(y)
            hover_text.append(_neuron_hover(snapshot, number, neuron, lang))
            if number == 0:
                labels["middle left"].append((left - 0.1, y, _input_name(neuron, lang)))
        if layer.hidden_count:
            bottom = (rows[-1] if len(rows) else 0) - BOX_HEIGHT / 2 - 0.1
            more = translate("net.more", lang, count=layer.hidden_count)
            labels["bottom center"].append((x, bottom, more))
    if bars:
        xs, ys = np.concatenate(bars, axis=1)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor="rgba(8, 119, 189, 0.55)",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for boxes, color, width, name in (
        (outlines, OUTLINE, 1, "outlines"),
        (marked, MARKED, 4, "marked"),
    ):
        if boxes:
            xs, ys = np.concatenate(boxes, axis=1)
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": color, "width": width},
                    hoverinfo="skip",
                    showlegend=False,
                    name=name,
                )
            )
    for position, items in labels.items():
        if items:
            xs, ys, texts = zip(*items)
            fig.add_trace(
                go.Scatter(
                    x=np.array(xs),
                    y=np.array(ys),
                    text=list(texts),
                    mode="text",
                    textposition=position,
                    textfont={"size": FONT_SIZE},
                    cliponaxis=False,
                    hoverinfo="skip",
                    showlegend=False,
                    name=f"labels {position}",
                )
            )
    fig.add_trace(
        go.Scatter(
            x=np.array(hover_x, dtype=np.float32),
            y=np.array(hover_y, dtype=np.float32),
            mode="markers",
            marker={"size": 36, "symbol": "square", "color": "rgba(0, 0, 0, 0)"},
            hovertext=hover_text,
            hoverinfo="text",
            showlegend=False,
            name="neurons",
        )
    )
    fig.update_layout(
        title={"text": plain_text(title), "font": {"size": TITLE_FONT_SIZE}},
        images=images,
        height=int(ROW_PX * max(tallest, 2) + FIGURE_MARGIN_PX),
        margin={"l": 20, "r": 10, "t": 60, "b": 10},
        plot_bgcolor="white",
        font={"size": FONT_SIZE},
        hoverlabel={"font": {"size": FONT_SIZE}},
        dragmode=False,
        meta={"epoch": snapshot.epoch},
    )
    last = (len(snapshot.layers) - 1) * COLUMN_GAP
    fig.update_xaxes(visible=False, range=[-COLUMN_GAP * 0.85, last + BOX_WIDTH], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-half - 0.7, half + 1.1], fixedrange=True)
    return fig


def first_layer_weights_figure(kernel, lang: str = "en", max_units: int = 32) -> go.Figure:
    """Each first-layer neuron's 784 weights as a 28×28 image, diverging around 0.

    Args:
        kernel: the first Dense layer's weights, shape (784, units).
        lang: language of the titles.
        max_units: the first neurons drawn.

    Returns:
        A Figure with one image per neuron, 8 per row, one colour scale centred at 0.
    """
    kernel = np.asarray(kernel, dtype=float)
    if kernel.ndim != 2 or kernel.shape[0] != 28 * 28:
        raise ValueError(
            f"Argument `kernel` must have shape (784, units). Received: kernel.shape={kernel.shape}"
        )
    shown = min(kernel.shape[1], max_units)
    images = kernel[:, :shown].T.reshape(shown, 28, 28)
    limit = float(np.max(np.abs(images))) or 1.0
    return _image_grid(
        images,
        [translate("chart.neuron", lang, index=k + 1) for k in range(shown)],
        columns=8,
        colorscale=WEIGHT_SCALE,
        zrange=(-limit, limit),
        hover=translate("net.weight_hover", lang),
        colorbar_title=translate("net.weight", lang),
    )


def class_average_figure(averages, class_names, lang: str = "en") -> go.Figure:
    """Per class, the average image of the test digits answered right (top row) and wrong.

    Args:
        averages: shape (2, classes, 28, 28): [0] right, [1] wrong; NaN
            where a class has no such digit.
        class_names: one name per class.
        lang: language of the titles.

    Returns:
        A Figure of two rows of images, grey 0..255.
    """
    averages = np.asarray(averages, dtype=float)
    k = averages.shape[1]
    titles = [
        translate(key, lang, cls=plain_text(name))
        for key in ("net.right_title", "net.wrong_title")
        for name in class_names[:k]
    ]
    return _image_grid(
        averages.reshape(2 * k, 28, 28),
        titles,
        columns=k,
        colorscale="gray_r",
        zrange=(0.0, 255.0),
        hover=translate("net.pixel_hover", lang),
        colorbar_title=translate("net.pixel_value", lang),
    )


def word_push_figure(words, pushes, lang: str = "en", title: str = "") -> go.Figure:
    """Horizontal bars: how far each word moves the prediction (positive right, blue).

    Args:
        words: the words, top to bottom.
        pushes: the change in P(positive) each word makes.
        lang: language of the axis.
        title: the figure's title.
    """
    pushes = [float(value) for value in pushes]
    labels = [plain_text(word) for word in words]
    fig = go.Figure(
        go.Bar(
            x=pushes,
            y=labels,
            orientation="h",
            marker_color=[POSITIVE if value >= 0 else NEGATIVE for value in pushes],
            hovertemplate="%{y}: %{x:+.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": plain_text(title), "font": {"size": TITLE_FONT_SIZE}},
        height=int(90 + 26 * max(len(labels), 3)),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font={"size": FONT_SIZE},
        xaxis_title=translate("net.push_axis", lang),
        yaxis={"autorange": "reversed", "automargin": True, "type": "category"},
    )
    fig.update_xaxes(title_font={"size": TITLE_FONT_SIZE}, zeroline=True, zerolinecolor="#555")
    return fig


# ----------------------------------------------------------------- helpers
def _positions(count: int) -> list[float]:
    """Row centres of a column of `count` neurons, top to bottom, centred at 0."""
    return [(count - 1) / 2 - i for i in range(count)]


def _map_image(neuron: NeuronView, side: int, left: float, top: float) -> dict:
    """A neuron's map as a PNG layout image (row 0 of the grid is the lowest y)."""
    levels = np.frombuffer(neuron.picture, dtype=np.uint8).reshape(side, side)[::-1] / 255.0
    position = levels * 2  # 0..2 across the three colour stops
    low = np.clip(np.floor(position).astype(int), 0, 1)
    share = (position - low)[..., None]
    rgb = MAP_STOPS[low] * (1 - share) + MAP_STOPS[low + 1] * share
    buffer = io.BytesIO()
    Image.fromarray(rgb.round().astype(np.uint8), "RGB").save(buffer, format="PNG")
    return {
        "source": "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode(),
        "xref": "x",
        "yref": "y",
        "x": left,
        "y": top,
        "sizex": BOX_WIDTH,
        "sizey": BOX_HEIGHT,
        "sizing": "stretch",
        "layer": "below",
    }


def _histogram_bars(neuron: NeuronView, left: float, top: float) -> np.ndarray:
    """The neuron's histogram as one closed step outline, then NaN: shape (2, 2 * bins + 4)."""
    heights = neuron.histogram_heights()
    edges = left + np.linspace(0, BOX_WIDTH, len(heights) + 1)
    bottom = top - BOX_HEIGHT
    tops = bottom + heights * BOX_HEIGHT * 0.95
    xs = np.concatenate([[edges[0]], np.repeat(edges, 2)[1:-1], [edges[-1], edges[0], np.nan]])
    ys = np.concatenate([[bottom], np.repeat(tops, 2), [bottom, bottom, np.nan]])
    return np.stack([xs, ys]).astype(np.float32)


def _box(left: float, top: float) -> np.ndarray:
    """A neuron's outline as a closed line, then NaN: shape (2, 6)."""
    right, bottom = left + BOX_WIDTH, top - BOX_HEIGHT
    return np.array(
        [[left, right, right, left, left, np.nan], [bottom, bottom, top, top, bottom, np.nan]],
        dtype=np.float32,
    )


def _draw_edges(fig: go.Figure, snapshot: NetworkSnapshot, columns, lang: str) -> None:
    """One line trace per (sign, width) bucket, and invisible midpoints for hover."""
    weights = [abs(e.weight) for layer in snapshot.layers for e in layer.edges]
    largest = max(weights, default=0.0) or 1.0
    buckets: dict[tuple[bool, int], tuple[list, list]] = {}
    mid_x, mid_y, mid_text = [], [], []
    for number in range(1, len(snapshot.layers)):
        layer, before = snapshot.layers[number], snapshot.layers[number - 1]
        x1 = number * COLUMN_GAP - BOX_WIDTH / 2
        x0 = x1 - COLUMN_GAP + BOX_WIDTH
        for edge in layer.edges:
            y0, y1 = columns[number - 1][edge.source], columns[number][edge.target]
            level = min(int(abs(edge.weight) / largest * len(EDGE_WIDTHS)), len(EDGE_WIDTHS) - 1)
            xs, ys = buckets.setdefault((edge.weight >= 0, level), ([], []))
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mid_x.append((x0 + x1) / 2)
            mid_y.append((y0 + y1) / 2)
            mid_text.append(
                translate(
                    "net.edge_hover",
                    lang,
                    weight=f"{edge.weight:+.3f}",
                    source=_neuron_name(snapshot, number - 1, before.neurons[edge.source], lang),
                    target=_neuron_name(snapshot, number, layer.neurons[edge.target], lang),
                )
            )
    for (positive, level), (xs, ys) in sorted(buckets.items()):
        fig.add_trace(
            go.Scatter(
                x=np.array(xs, dtype=np.float32),
                y=np.array(ys, dtype=np.float32),
                mode="lines",
                line={"color": POSITIVE if positive else NEGATIVE, "width": EDGE_WIDTHS[level]},
                opacity=0.7,
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if mid_x:
        fig.add_trace(
            go.Scatter(
                x=np.array(mid_x, dtype=np.float32),
                y=np.array(mid_y, dtype=np.float32),
                mode="markers",
                marker={"size": 10, "color": "rgba(0, 0, 0, 0)"},
                hovertext=mid_text,
                hoverinfo="text",
                showlegend=False,
                name="edges",
            )
        )


def _neuron_name(snapshot: NetworkSnapshot, number: int, neuron: NeuronView, lang: str) -> str:
    if number == 0:
        return plain_text(feature_label(neuron.name, lang))
    if number == len(snapshot.layers) - 1:
        return translate("net.output_neuron", lang, index=neuron.index + 1)
    return translate("net.hidden_neuron", lang, layer=number, index=neuron.index + 1)


def _neuron_hover(snapshot: NetworkSnapshot, number: int, neuron: NeuronView, lang: str) -> str:
    lines = [_neuron_name(snapshot, number, neuron, lang)]
    if neuron.bias is not None:
        lines.append(translate("net.bias", lang, value=f"{neuron.bias:+.3f}"))
    key = "net.mean_grid" if snapshot.side else "net.mean_rows"
    lines.append(translate(key, lang, mean=f"{neuron.mean:.3f}", points=snapshot.points))
    lines.append(translate("net.range", lang, low=f"{neuron.low:.3f}", high=f"{neuron.high:.3f}"))
    if neuron.status == DEAD:
        lines.append(translate("net.dead_hover", lang))
    elif neuron.status == SATURATED:
        lines.append(translate("net.saturated_hover", lang))
    return "<br>".join(lines)


def _column_title(snapshot: NetworkSnapshot, number: int, lang: str) -> str:
    layer = snapshot.layers[number]
    if number == 0:
        return translate("net.inputs_title", lang, units=layer.units)
    if number == len(snapshot.layers) - 1:
        return translate("net.output_title", lang, units=layer.units, act=layer.activation)
    return translate("net.layer_title", lang, n=number, units=layer.units, act=layer.activation)


def _input_name(neuron: NeuronView, lang: str) -> str:
    name = feature_label(neuron.name, lang)
    short = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"
    return plain_text(short)


def _image_grid(images, titles, columns, colorscale, zrange, hover, colorbar_title):
    """Square heatmaps in a grid sharing one colour scale (rows top to bottom)."""
    count = len(images)
    rows = max(1, -(-count // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=titles,
        horizontal_spacing=0.01,
        vertical_spacing=0.3 / rows,
    )
    for k, image in enumerate(images):
        fig.add_trace(
            go.Heatmap(
                z=image,
                zmin=zrange[0],
                zmax=zrange[1],
                colorscale=colorscale,
                showscale=k == 0,
                colorbar={"title": {"text": colorbar_title}, "len": 0.8},
                hovertemplate=hover,
                name="",
            ),
            row=k // columns + 1,
            col=k % columns + 1,
        )
    fig.update_xaxes(visible=False, constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", constrain="domain")
    for k in range(1, count + 1):  # square pixels in every image
        fig.layout["yaxis" if k == 1 else f"yaxis{k}"].scaleanchor = "x" if k == 1 else f"x{k}"
    fig.update_annotations(font={"size": FONT_SIZE})
    fig.update_layout(
        height=int(40 + rows * 150),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"size": FONT_SIZE},
    )
    return fig
