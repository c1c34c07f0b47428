"""Story clustering: articles → stories."""

from storydesk.steps.cluster.clusterer import StoryClusterer
from storydesk.steps.cluster.streaming import StreamingStoryClusterer, estimate_idf

__all__ = ["StoryClusterer", "StreamingStoryClusterer", "estimate_idf"]
