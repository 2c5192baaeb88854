"""The command palette (ctrl+p) reaches every action: it lists the bindings of the screen it was opened on
and the app's own, so a new binding appears in the palette (and the help) without any extra code."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from practice.tui.screens.modals import binding_rows, declared_bindings


class StudioCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, DOMNode, str]]:
        """(title, help, namespace, action) for each binding enabled now: the screen's, then the app's."""
        seen: set[str] = set()
        for node in (self.screen, self.app):
            for binding in declared_bindings(type(node)):
                action = binding.action
                name = action.split("(", 1)[0]
                if action in seen or ("." not in name and node.check_action(name, ()) is False):
                    continue  # "app.pop_screen" style actions are always available
                seen.add(action)
                yield binding.description, f"key: {binding_rows([binding])[0][0]}", node, action

    async def discover(self) -> Hits:
        for title, help_text, node, action in self._commands():
            yield DiscoveryHit(title, partial(self._run, node, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, node, action in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, node, action), help=help_text)

    async def _run(self, node: DOMNode, action: str) -> None:
        await self.app.run_action(action, node)
