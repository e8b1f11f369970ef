"""The Model page's controls: hidden layers, output head, compile and fit settings, and the summary."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from playground import models
from playground.config import (
    ACTIVATIONS,
    LABEL_ENCODINGS,
    LOSSES,
    OPTIMIZERS,
    OUTPUT_ACTIVATIONS,
    ExperimentConfig,
    LayerConfig,
)
from playground.datasets import Dataset
from playground.limits import model_ranges
from ui.backend import settings
from ui.bounded import in_range
from ui.controls import hidden, locked, widget
from ui.i18n import t

LAYERS_VERSION_KEY = "layers_version"


def _index(options, value) -> int:
    return options.index(value) if value in options else 0


def _number(
    config: ExperimentConfig, name: str, label: str, help_text: str | None = None, **options
):
    """A number input for config field `name`, within its range."""
    allowed = model_ranges(settings())[name]
    value = in_range(name, getattr(config, name), allowed)
    return widget(
        name,
        getattr(config, name),
        st.number_input,
        label,
        min_value=allowed.low,
        max_value=allowed.high,
        value=value,
        help=help_text,
        **options,
    )


def _slider(config: ExperimentConfig, name: str, label: str, help_text: str, **options):
    """A slider for config field `name`, within its range."""
    allowed = model_ranges(settings())[name]
    value = in_range(name, getattr(config, name), allowed)
    return widget(
        name,
        getattr(config, name),
        st.slider,
        label,
        allowed.low,
        allowed.high,
        value,
        help=help_text,
        **options,
    )


def layer_editor(config: ExperimentConfig) -> None:
    """Each hidden layer's units and activation; add, move and remove layers."""
    if hidden("layers"):
        return
    frozen = locked("layers")
    st.subheader(t("model.hidden_layers"))
    st.caption(t("model.hidden_help"))
    version = st.session_state.setdefault(LAYERS_VERSION_KEY, 0)
    units_range = model_ranges(settings())["units"]

    def edit(change) -> None:
        change(config.layers)
        st.session_state[LAYERS_VERSION_KEY] += 1

    for index, layer in enumerate(config.layers):
        units_col, act_col, up_col, down_col, del_col = st.columns(
            [3, 3, 1, 1, 1], vertical_alignment="bottom"
        )
        with units_col:
            units = in_range(f"layers[{index + 1}].units", layer.units, units_range)
            layer.units = int(
                st.number_input(
                    t("model.units", n=index + 1),
                    units_range.low,
                    units_range.high,
                    units,
                    key=f"units_{version}_{index}",
                    disabled=frozen,
                )
            )
        layer.activation = act_col.selectbox(
            t("model.activation"),
            ACTIVATIONS,
            index=_index(ACTIVATIONS, layer.activation),
            format_func=lambda a: t(f"act.{a}"),
            key=f"act_{version}_{index}",
            disabled=frozen,
        )
        up_col.button(
            "↑",
            key=f"up_{version}_{index}",
            disabled=frozen or index == 0,
            help=t("model.move_up"),
            on_click=edit,
            args=(lambda ls, i=index: ls.insert(i - 1, ls.pop(i)),),
        )
        down_col.button(
            "↓",
            key=f"down_{version}_{index}",
            disabled=frozen or index == len(config.layers) - 1,
            help=t("model.move_down"),
            on_click=edit,
            args=(lambda ls, i=index: ls.insert(i + 1, ls.pop(i)),),
        )
        del_col.button(
            "✕",
            key=f"del_{version}_{index}",
            disabled=frozen,
            help=t("model.remove"),
            on_click=edit,
            args=(lambda ls, i=index: ls.pop(i),),
        )
    st.button(
        t("model.add_layer"),
        icon="➕",
        key="add_layer",
        disabled=frozen,
        on_click=edit,
        args=(lambda ls: ls.append(LayerConfig(16, "relu")),),
    )


def regularization_editor(config: ExperimentConfig) -> None:
    """Each hidden layer's Dropout rate and L1/L2 weight penalties, in a folded section."""
    if not config.layers:
        return
    version = st.session_state.setdefault(LAYERS_VERSION_KEY, 0)
    active = any(layer.dropout or layer.penalized for layer in config.layers)
    with st.expander(t("model.regularization"), expanded=active):
        st.caption(t("model.regularization_help"))
        for index, layer in enumerate(config.layers):
            columns = st.columns(3, vertical_alignment="bottom")
            with columns[0]:
                layer.dropout = _dropout_input(layer, index, version)
            with columns[1]:
                layer.l1 = _penalty_input(layer, "l1", index, version)
            with columns[2]:
                layer.l2 = _penalty_input(layer, "l2", index, version)


def _dropout_input(layer: LayerConfig, index: int, version: int) -> float:
    """The rate of the Dropout after hidden layer `index` (0: none)."""
    allowed = model_ranges(settings())["dropout"]
    value = in_range(f"layers[{index + 1}].dropout", layer.dropout, allowed)
    return float(
        st.number_input(
            t("model.dropout", n=index + 1),
            allowed.low,
            allowed.high,
            value,
            step=0.05,
            format="%g",
            help=t("model.dropout_help"),
            key=f"dropout_{version}_{index}",
        )
    )


def _penalty_input(layer: LayerConfig, name: str, index: int, version: int) -> float:
    """Factor `name` ("l1" or "l2") of hidden layer `index`'s kernel_regularizer (0: none)."""
    allowed = model_ranges(settings())[name]
    value = in_range(f"layers[{index + 1}].{name}", getattr(layer, name), allowed)
    return float(
        st.number_input(
            t("model.penalty", n=index + 1, name=name.upper()),
            allowed.low,
            allowed.high,
            value,
            step=0.001,
            format="%g",
            help=t("model.penalty_help", name=name.upper()),
            key=f"{name}_{version}_{index}",
        )
    )


def output_head(config: ExperimentConfig, dataset: Dataset) -> None:
    """Output activation, units, loss and label encoding; "auto" follows the task."""
    st.subheader(t("model.output"))
    auto = models.auto_head(config, dataset)
    st.caption(t("model.auto_head", units=auto.units, activation=auto.activation, loss=auto.loss))
    columns = st.columns(4)
    config.output_activation = widget(
        "output_activation",
        config.output_activation,
        columns[0].selectbox,
        t("model.output_activation"),
        OUTPUT_ACTIVATIONS,
        index=_index(OUTPUT_ACTIVATIONS, config.output_activation),
        format_func=lambda a: t(f"act.{a}"),
    )
    with columns[1]:
        config.output_units = int(
            _number(config, "output_units", t("model.output_units"), t("model.output_units_help"))
        )
    config.loss = widget(
        "loss",
        config.loss,
        columns[2].selectbox,
        t("model.loss"),
        LOSSES,
        index=_index(LOSSES, config.loss),
        format_func=lambda loss: t(f"loss.{loss}"),
    )
    if dataset.task != "regression":
        config.label_encoding = widget(
            "label_encoding",
            config.label_encoding,
            columns[3].radio,
            t("model.labels"),
            LABEL_ENCODINGS,
            index=_index(LABEL_ENCODINGS, config.label_encoding),
            format_func=lambda e: t(f"labels.{e}"),
            help=t("model.labels_help"),
        )


def training_settings(config: ExperimentConfig) -> None:
    """Optimizer, learning rate, momentum, epochs, batch, validation split, seed, EarlyStopping."""
    st.subheader(t("model.training"))
    st.caption(t("model.keras_defaults"))
    keras_defaults = ExperimentConfig()
    columns = st.columns(4)
    config.switch_optimizer(
        widget(
            "optimizer",
            config.optimizer,
            columns[0].selectbox,
            t("model.optimizer"),
            OPTIMIZERS,
            index=_index(OPTIMIZERS, config.optimizer),
            format_func=lambda o: t(f"opt.{o}"),
        )
    )
    with columns[1]:
        config.learning_rate = float(
            _number(
                config,
                "learning_rate",
                t("model.learning_rate"),
                t("model.learning_rate_help"),
                format="%g",
                step=0.001,
            )
        )
    if config.optimizer == "sgd":
        with columns[2]:
            config.momentum = float(
                _slider(config, "momentum", t("model.momentum"), t("model.momentum_help"))
            )
    columns = st.columns(4)
    with columns[0]:
        config.epochs = int(
            _number(
                config,
                "epochs",
                t("model.epochs"),
                t("model.epochs_help", default=keras_defaults.epochs),
            )
        )
    with columns[1]:
        config.batch_size = int(
            _number(config, "batch_size", t("model.batch_size"), t("model.batch_size_help"))
        )
    with columns[2]:
        config.validation_split = float(
            _slider(
                config,
                "validation_split",
                t("model.validation_split"),
                t("model.validation_split_help", default=keras_defaults.validation_split),
                step=0.05,
            )
        )
    with columns[3]:
        config.seed = int(_number(config, "seed", t("model.seed"), t("model.seed_help")))
    columns = st.columns(3, vertical_alignment="bottom")
    config.early_stopping = widget(
        "early_stopping",
        config.early_stopping,
        columns[0].checkbox,
        t("model.early_stopping"),
        value=config.early_stopping,
        help=t("model.early_stopping_help"),
    )
    if config.early_stopping:
        with columns[1]:
            config.patience = int(
                _number(config, "patience", t("model.patience"), t("model.patience_help"))
            )
        config.restore_best_weights = widget(
            "restore_best_weights",
            config.restore_best_weights,
            columns[2].checkbox,
            t("model.restore_best"),
            value=config.restore_best_weights,
            help=t("model.restore_best_help"),
        )


def summary(config: ExperimentConfig, dataset: Dataset) -> None:
    """`model.summary()`: each layer's output shape and parameters, as Keras counts them."""
    st.subheader(t("model.summary"))
    rows = models.summary_rows(config, dataset)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("model.col_layer"): f"{row.name} ({row.layer_type})",
                    t("model.col_shape"): row.output_shape,
                    t("model.col_params"): f"{row.params:,}",
                }
                for row in rows
            ]
        ),
        hide_index=True,
    )
    st.metric(t("model.total_params"), f"{models.total_params(rows):,}")
    if any(layer.dropout or layer.penalized for layer in config.layers):
        st.caption(t("model.regularization_no_params"))
