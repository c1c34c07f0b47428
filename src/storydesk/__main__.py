"""``python -m storydesk``: the same command line as the ``storydesk`` script."""

from storydesk.cli import main

if __name__ == "__main__":
    main()
