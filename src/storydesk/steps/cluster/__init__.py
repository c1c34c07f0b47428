"""Story clustering: articles → stories."""

from storydesk.steps.cluster.clusterer import StoryClusterer

__all__ = ["StoryClusterer"]
