/** At most `limit` tasks at once; the others wait in order. */
export class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`semaphore limit ${limit}: expected a positive integer`);
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.active++;
        try {
            return await task();
        }
        finally {
            // The slot passes straight to the next waiter, so `active` never drops below the running count.
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}
//# sourceMappingURL=semaphore.js.map