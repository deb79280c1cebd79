"""The Flask edge of the kaartenbak: views, hooks and commands over the domain."""
