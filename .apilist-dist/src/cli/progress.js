import cliProgress from 'cli-progress';
/** A progress line on a terminal; silent when stderr is not a TTY (pipes, CI), so logs stay clean. */
export function progress(title, total) {
    if (!process.stderr.isTTY)
        return { update: () => undefined, stop: () => undefined };
    const bar = new cliProgress.SingleBar({
        format: total ? `${title} [{bar}] {value}/{total} {label}` : `${title} {value} records {label}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
    }, cliProgress.Presets.shades_classic);
    bar.start(total ?? 0, 0, { label: '' });
    return {
        update: (done, label) => bar.update(done, { label: label ?? '' }),
        stop: () => bar.stop(),
    };
}
//# sourceMappingURL=progress.js.map