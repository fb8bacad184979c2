"""Surfaces over the assistant core: the HTTP API (`integrations.http`) and the Slack bot (`integrations.slack`)."""
