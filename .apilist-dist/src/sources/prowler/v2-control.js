/**
 * Prowler 2 (the shell version) names a check only inside its title: `[check114] Ensure hardware MFA is
 * enabled for the root account`. Its JSON lines and CSV both need the id split from the title.
 */
export function splitV2Control(control) {
    const m = /^\s*\[([A-Za-z0-9_.-]+)\]\s*(.*)$/s.exec(control);
    if (!m)
        return undefined;
    return { checkId: m[1], title: m[2].trim() || m[1] };
}
//# sourceMappingURL=v2-control.js.map