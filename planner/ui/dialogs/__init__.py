"""One module per dialog, plus the skill picker several of them share."""
