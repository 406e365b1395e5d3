import asyncio

async def main():
    for path in ["/nonexistent-dir-for-asyncio-ts/x.sock", "stream_unix_missing_path.py"]:
        try:
            await asyncio.open_unix_connection(path)
        except OSError as e:
            print(type(e).__name__, isinstance(e, OSError), e.errno, str(e))

asyncio.run(main())
