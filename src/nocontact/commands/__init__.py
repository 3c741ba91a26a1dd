"""CLI command groups; each module offers register(app) and keeps heavy imports inside commands."""
