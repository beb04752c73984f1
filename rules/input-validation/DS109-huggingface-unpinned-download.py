import os
from pathlib import Path

import datasets
import transformers
from datasets import load_dataset
from diffusers import DiffusionPipeline
from huggingface_hub import hf_hub_download, snapshot_download as fetch_snapshot
from transformers import AutoModelForCausalLM, AutoTokenizer as Tok

MODEL_ID = "org/model-name"
MODEL_REVISION = "5f36ac9dff89b3c8a68a2e4e3c70d18c9cc5ec2f"
MODEL_BRANCH = "main"
LOCAL_MODEL = "/opt/models/bert"


def load_model(name):
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID)  # expect: DS109
    tokenizer = Tok.from_pretrained(MODEL_ID, revision="main")  # expect: DS109
    config = transformers.AutoConfig.from_pretrained(  # expect: DS109
        name,
        trust_remote_code=True,
    )
    weights = hf_hub_download(repo_id=MODEL_ID, filename="model.safetensors")  # expect: DS109
    snapshot = fetch_snapshot(
        repo_id=MODEL_ID,
        revision="v1.0.0",  # expect: DS109
    )
    short = fetch_snapshot(repo_id=MODEL_ID, revision="5f36ac9")  # expect: DS109
    branch = hf_hub_download(MODEL_ID, "config.json", revision=MODEL_BRANCH)  # expect: DS109
    squad = load_dataset("rajpurkar/squad", split="train")  # expect: DS109
    glue = datasets.load_dataset("nyu-mll/glue", "mrpc", revision=None)  # expect: DS109
    pipe = DiffusionPipeline.from_pretrained("org/diffusion-model")  # expect: DS109
    return model, tokenizer, config, weights, snapshot, short, branch, squad, glue, pipe


def load_pinned(model_dir, revision, options, registry):
    a = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=MODEL_REVISION)  # ok: DS109 pinned to a commit
    b = hf_hub_download(  # ok: DS109 pinned to a commit
        repo_id=MODEL_ID,
        filename="model.safetensors",
        revision="5f36ac9dff89b3c8a68a2e4e3c70d18c9cc5ec2f",
    )
    c = Tok.from_pretrained(MODEL_ID, revision=revision)  # ok: DS109 the caller chooses the revision
    d = Tok.from_pretrained("./checkpoints/tokenizer")  # ok: DS109 a local directory
    e = AutoModelForCausalLM.from_pretrained(LOCAL_MODEL)  # ok: DS109 a local directory, by constant
    f = AutoModelForCausalLM.from_pretrained(os.path.join(model_dir, "bert"))  # ok: DS109 a local directory
    g = AutoModelForCausalLM.from_pretrained(Path(model_dir))  # ok: DS109 a local directory
    h = AutoModelForCausalLM.from_pretrained(MODEL_ID, local_files_only=True)  # ok: DS109 the local cache only
    i = load_dataset("csv", data_files="train.csv")  # ok: DS109 the library's own csv builder
    j = Tok.from_pretrained(MODEL_ID, **options)  # ok: DS109 options may pin the revision
    k = registry.from_pretrained(MODEL_ID)  # ok: DS109 not a transformers class
    m = fetch_snapshot(repo_id=MODEL_ID, revision=MODEL_REVISION)  # ok: DS109 pinned to a commit
    n = Tok.from_pretrained(model_dir)  # ok: DS109 named as a local directory
    o = transformers.AutoModel.from_pretrained(  # ok: DS109 named as a local path
        options.checkpoint_path,
        torch_dtype="auto",
    )
    return a, b, c, d, e, f, g, h, i, j, k, m, n, o


def train(model_args, path_raw):
    model = transformers.AutoModelForCausalLM.from_pretrained(  # expect: DS109
        model_args.model_name_or_path,
        cache_dir=model_args.cache_dir,
    )
    raw = transformers.AutoModelForCausalLM.from_pretrained(path_raw)  # ok: DS109 named as a local path
    return model, raw


def load_default_branch():
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=None)  # expect: DS109 revision=None is the default branch
    return model
