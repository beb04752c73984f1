import os

import safetensors.torch
import torch
import torch as t
from torch import load
from torch.hub import load_state_dict_from_url

SAFE_LOAD = True
LEGACY_LOAD = False
CHECKPOINTS = "/var/lib/models"


def restore(model, path, device):
    state = torch.load(path)  # expect: DS108
    model.load_state_dict(t.load(path, map_location=device))  # expect: DS108
    optimizer = load(  # expect: DS108
        os.path.join(CHECKPOINTS, "optimizer.pt"),
        map_location="cpu",
    )
    legacy = torch.load(path, weights_only=False)  # expect: DS108
    legacy2 = torch.load(path, weights_only=LEGACY_LOAD)  # expect: DS108
    remote = load_state_dict_from_url(  # expect: DS108
        "https://download.example.org/resnet50.pth",
        progress=False,
    )
    serialized = torch.serialization.load(path, weights_only=None)  # expect: DS108
    return state, optimizer, legacy, legacy2, remote, serialized


def load_checkpoint(path, weights_only=False):
    return torch.load(path, weights_only=weights_only)  # expect: DS108


def load_weights(path, weights_only=True):
    return torch.load(path, weights_only=weights_only)  # ok: DS108 a parameter defaulting to True


def load_with(path, weights_only):
    return torch.load(path, weights_only=weights_only)  # ok: DS108 the caller decides


def safe(path, options, loader):
    a = torch.load(path, weights_only=True)  # ok: DS108 tensors only
    b = t.load(  # ok: DS108 tensors only
        path,
        map_location="cpu",
        weights_only=SAFE_LOAD,
    )
    c = torch.load(path, **options)  # ok: DS108 options may set weights_only
    d = torch.jit.load(path)  # ok: DS108 TorchScript, not a pickle of arbitrary objects
    e = safetensors.torch.load_file(path)  # ok: DS108 safetensors holds tensors only
    f = loader.load(path)  # ok: DS108 some other load
    g = torch.hub.load("pytorch/vision", "resnet50")  # ok: DS108 runs a repository's hubconf by design, not unpickling
    h = load_state_dict_from_url("https://download.example.org/r.pth", weights_only=True)  # ok: DS108 tensors only
    i = torch.load(  # a C-style flag: 1 is true
        path,
        map_location=torch.device("cpu"),
        weights_only=1,  # ok: DS108 an integer literal that is true: tensors only
    )
    return a, b, c, d, e, f, g, h, i


def resume(path):
    weights = torch.load(  # expect: DS108 a comment after the last argument, no weights_only
        path,
        map_location="cpu",  # the checkpoint was saved on a GPU
    )
    return weights
