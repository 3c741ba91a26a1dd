"""The shipped model is verified against its manifest and refused when altered."""

import json
import shutil
from pathlib import Path

import pytest

from nocontact.core.classify import MODEL_VERSION
from nocontact.core.classify.model import MODEL_DIR, ModelIntegrityError, load_model


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "weights"
    shutil.copytree(MODEL_DIR, target)
    return target


def test_shipped_model_loads_and_version_names_it(model_copy: Path) -> None:
    model = load_model(model_copy)
    manifest = json.loads((model_copy / "manifest.json").read_text())
    assert MODEL_VERSION.startswith(manifest["version"] + "+")
    assert manifest["sha256"][:8] in MODEL_VERSION
    assert len(model.categories) == 6 and len(model.tactics) == 6


def test_one_flipped_byte_is_refused(model_copy: Path) -> None:
    manifest = json.loads((model_copy / "manifest.json").read_text())
    path = model_copy / manifest["file"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="does not match its manifest"):
        load_model(model_copy)


def test_missing_model_file_is_refused(model_copy: Path) -> None:
    manifest = json.loads((model_copy / "manifest.json").read_text())
    (model_copy / manifest["file"]).unlink()
    with pytest.raises(ModelIntegrityError, match="missing"):
        load_model(model_copy)


def test_manifest_pointing_at_another_hash_is_refused(model_copy: Path) -> None:
    path = model_copy / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["sha256"] = "0" * 64
    path.write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError):
        load_model(model_copy)


def test_shipped_artifacts_contain_no_pickle() -> None:
    import numpy as np

    for npz in MODEL_DIR.glob("*.npz"):
        with np.load(npz, allow_pickle=False) as arrays:
            for name in arrays.files:
                assert arrays[name].dtype != object
