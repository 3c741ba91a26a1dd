"""nocontact: screening, sealing and support for going No Contact."""

__version__ = "0.1.0"
