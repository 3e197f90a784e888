"""PyTorch eager, one thread, on the workloads bench/index.ts sends as JSON on stdin.

Prints {"workload name": steps per second, ...}. Exits non-zero (and the bench skips PyTorch)
when torch cannot be imported.
"""
import json
import statistics
import sys
import time

import torch


def make_step(w):
    torch.manual_seed(0)
    sizes = w["layers"]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(torch.nn.Tanh() if w["activation"] == "tanh" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.CrossEntropyLoss()
    if w["optimizer"] == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=w["learningRate"])
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=w["learningRate"])
    batches = [
        (torch.rand(w["batchSize"], sizes[0]) * 2 - 1, torch.randint(0, sizes[-1], (w["batchSize"],)))
        for _ in range(8)
    ]
    state = {"next": 0}

    def step():
        x, y = batches[state["next"]]
        state["next"] = (state["next"] + 1) % len(batches)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    return step


def run_for(step, ms):
    start = time.perf_counter()
    steps = 0
    while True:
        step()
        steps += 1
        elapsed = (time.perf_counter() - start) * 1000
        if elapsed >= ms:
            return steps * 1000 / elapsed


def main():
    request = json.load(sys.stdin)
    measure = request["measure"]
    torch.set_num_threads(1)
    rates = {}
    for w in request["workloads"]:
        step = make_step(w)
        run_for(step, measure["warmupMs"])
        rates[w["name"]] = statistics.median(run_for(step, measure["runMs"]) for _ in range(measure["runs"]))
    json.dump(rates, sys.stdout)


if __name__ == "__main__":
    main()
