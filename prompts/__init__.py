"""Prompt templates, shipped inside the package as agent.prompts (see README.md here)."""
