# cwd and env: the child runs in the given directory with exactly the given environment.
import asyncio
import os
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("pwd", stdout=PIPE, cwd="/")
    print("pwd in /:", await proc.communicate())
    env = {"GREETING": "hi there", "PATH": os.environ["PATH"]}
    proc = await asyncio.create_subprocess_shell('echo "$GREETING|${HOME:-no home}"', stdout=PIPE, env=env)
    print("env:", await proc.communicate())
    proc = await asyncio.create_subprocess_exec("sh", "-c", "cd ..; pwd", stdout=PIPE, cwd="/usr/bin")
    print("relative cd:", await proc.communicate())
    proc = await asyncio.create_subprocess_exec("env", stdout=PIPE, env={"ONLY": "1"})
    print("env -i like:", await proc.communicate())


asyncio.run(main())
