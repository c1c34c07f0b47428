import pytest

from storydesk.config import load_settings
from storydesk.errors import ConfigError


def test_config_defaults_load_from_package():
    settings = load_settings()
    assert 0 < settings.cluster.threshold < 1
    assert settings.cluster.window_days == 7


def test_config_overlay_changes_only_named_keys(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text("[cluster]\nthreshold = 0.5\n")
    settings = load_settings(path)
    assert settings.cluster.threshold == 0.5
    assert settings.cluster.window_days == load_settings().cluster.window_days


def test_config_overlay_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "s.toml"
    path.write_text("[run]\nworkers = 1\n")
    monkeypatch.setenv("STORYDESK_CONFIG", str(path))
    assert load_settings().run.workers == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("[clustr]\nthreshold = 0.5\n", "unknown settings section"),
        ("[cluster]\nthreshhold = 0.5\n", "unknown setting cluster.threshhold"),
        ("[cluster]\nwindow_days = 'seven'\n", "must be int"),
        ("[cluster\n", "not valid TOML"),
        ("[cluster]\nmethod = 'kmeans'\n", "must be one of pair-model, cosine"),
    ],
)
def test_config_overlay_rejects_mistakes(tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(path)


def test_config_missing_file_says_so(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


@pytest.mark.parametrize(("method", "has_model"), [("pair-model", True), ("cosine", False)])
def test_config_cluster_method_chooses_the_clusterer(tmp_path, method, has_model):
    from storydesk.pipeline import build_steps
    from storydesk.steps.cluster import StoryClusterer

    path = tmp_path / "s.toml"
    path.write_text(f"[cluster]\nmethod = '{method}'\n")
    steps = build_steps(load_settings(path), until="cluster")
    clusterer = next(s for s in steps if isinstance(s, StoryClusterer))
    assert (clusterer.model is not None) == has_model
