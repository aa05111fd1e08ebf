#!/usr/bin/env python3
"""Runs `tussen map` on the parts of a corpus on a Dask distributed cluster
and merges the partial results with `tussen merge`.

Usage: dask_map.py [--scheduler ADDRESS] [--workers N] TUSSEN OUT PART...

Without --scheduler a LocalCluster on 127.0.0.1 (N worker processes, one
thread each, no dashboard) is started and stopped; with it, the driver joins
a running cluster (dask-scheduler / dask-worker), whose workers must see
the same paths and binary. Each task maps one part and returns its partial
as bytes; the driver writes them next to OUT and merges them into OUT, so
the result does not depend on which worker ran which part, nor when.
"""
import argparse
import subprocess
import sys


def map_part(tussen, path):
    """One task: the partial result of one part, as bytes."""
    done = subprocess.run([tussen, "map", "-q", path], capture_output=True)
    if done.returncode != 0:
        raise RuntimeError("tussen map %s failed: %s"
                           % (path, done.stderr.decode("utf-8", "replace")))
    return done.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler", help="address of a running scheduler")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("tussen")
    ap.add_argument("out")
    ap.add_argument("parts", nargs="+")
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(map_part, [args.tussen] * len(args.parts),
                             args.parts, pure=False)
        partials = client.gather(futures)
        workers = sorted(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    names = []
    for i, data in enumerate(partials):
        name = "%s.part%d" % (args.out, i)
        with open(name, "wb") as f:
            f.write(data)
        names.append(name)
    subprocess.run([args.tussen, "merge", "-o", args.out] + names, check=True)
    print("dask_map: %d parts on %d workers (%s)"
          % (len(names), len(workers), ", ".join(workers)), file=sys.stderr)


if __name__ == "__main__":
    main()
