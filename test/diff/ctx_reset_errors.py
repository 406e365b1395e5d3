import asyncio
import contextvars

var = contextvars.ContextVar("var", default="d")
other = contextvars.ContextVar("other", default="o")

def attempt(label, fn):
    try:
        fn()
        print(label, "-> ok")
    except RuntimeError as e:
        print(label, "-> RuntimeError; 'has already been used':", "has already been used" in str(e))
    except ValueError as e:
        print(label, "-> ValueError; 'different':", "different" in str(e))

async def main():
    tok = var.set("x")
    attempt("first reset", lambda: var.reset(tok))
    attempt("second reset", lambda: var.reset(tok))
    tok = var.set("y")
    attempt("reset on another var", lambda: other.reset(tok))
    print("value unchanged:", var.get(), other.get())
    attempt("then on the right var", lambda: var.reset(tok))
    tok = var.set("z")
    ctx = contextvars.copy_context()
    attempt("reset in another context", lambda: ctx.run(var.reset, tok))
    print("still:", var.get())
    # a token made in a task, reset in the parent
    async def make_token():
        return var.set("in task")
    task_tok = await asyncio.create_task(make_token())
    attempt("reset a task's token in the parent", lambda: var.reset(task_tok))
    # a token made in the parent, reset in a task
    parent_tok = var.set("parent")
    async def reset_in_task():
        attempt("reset the parent's token in a task", lambda: var.reset(parent_tok))
    await asyncio.create_task(reset_in_task())
    attempt("reset it in the parent", lambda: var.reset(parent_tok))
    print("final:", var.get())

asyncio.run(main())
