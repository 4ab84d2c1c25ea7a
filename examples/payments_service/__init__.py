"""A small payments back end that talks to a card processor, a ledger and a deploy host.

It is written the way real services drift into insecurity: every module here has at least one
egress-lint finding, so `egress-lint check examples/` shows each rule firing.
"""
