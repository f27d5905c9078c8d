/**
 * The state from the resources found: on when one is on; off when there are none, or all are known to be
 * off; unknown when none is known on and some state could not be read.
 */
export function stateOf(states, unread) {
    if (states.some((s) => s === true))
        return { state: 'enabled', problem: null };
    if (states.every((s) => s === false))
        return { state: 'disabled', problem: null };
    return { state: 'unknown', problem: unread ?? 'state not collected' };
}
//# sourceMappingURL=detective.js.map