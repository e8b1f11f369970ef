"""The layout's promises, read from the code itself: who may import what."""

import ast
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

# What trains lives behind `playground.backend.TrainingBackend`: pages and ui never reach it.
TRAINING_MACHINERY = (
    "playground.local_pool",
    "playground.worker",
    "playground.trainer",
    "playground.board",
    "playground.fast_fit",
)
PAGE_FILES = [
    REPO_ROOT / "app.py",
    *sorted((REPO_ROOT / "pages").glob("*.py")),
    *sorted((REPO_ROOT / "ui").glob("*.py")),
]


def imported_modules(path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda path: path.name)
def test_pages_and_ui_talk_only_to_the_backend_interface(path):
    reached = {module for module in imported_modules(path) if module.startswith(TRAINING_MACHINERY)}
    assert not reached, f"{path.name} imports {sorted(reached)}"


def test_a_training_process_imports_keras_only_in_the_trainer():
    worker = imported_modules(REPO_ROOT / "playground" / "worker.py")
    assert not {module for module in worker if module.split(".")[0] in ("keras", "tensorflow")}
    code = (
        "import sys; sys.path.insert(0, '.'); import playground.worker, playground.local_pool;"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)
