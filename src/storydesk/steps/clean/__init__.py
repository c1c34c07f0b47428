"""storydesk stage package."""
