"""The web server's settings, read once from the config (section ``[api]``)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.config import Config


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """What the API needs from the config.

    Attributes:
        token: the bearer token ``POST /api/articles`` requires; empty disables submission.
        host, port: where ``eventwire serve`` listens.
        max_body_bytes: largest accepted request body.
        max_page_size: largest ``limit`` on list endpoints.
        cors_origins: origins allowed by CORS; empty turns CORS off.
    """

    token: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 4_000_000
    max_page_size: int = 500
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> ApiSettings:
        def get(key: str):
            return config.get("api", key)

        return cls(
            token=str(get("token") or ""),
            host=str(get("host")),
            port=int(get("port")),
            max_body_bytes=int(get("max_body_bytes")),
            max_page_size=int(get("max_page_size")),
            cors_origins=tuple(str(o) for o in get("cors_origins")),
        )
