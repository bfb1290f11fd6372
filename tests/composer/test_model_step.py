"""The compiled decode step (composer.decode_step) gives Composer.forward's logits and cache exactly."""
import warnings

import pytest
import torch

from composer.decode_step import DecodeStep
from composer.model import Composer, KVCache, ModelConfig
from composer.proposals.loader import quantize
from composer.tokens.vocab import VOCAB


@pytest.fixture(scope="module")
def model(torch_threads):
    torch.manual_seed(0)
    return Composer(ModelConfig(len(VOCAB), block_size=64, n_layer=2, n_head=2, n_embd=32)).eval()


def _formats(model):
    bf16 = Composer(model.config)
    bf16.load_state_dict(model.state_dict())
    return {"fp32": model, "int8": quantize(model), "bf16": bf16.to(torch.bfloat16).eval()}


def _prefilled(model, prompts: list[torch.Tensor], length: int) -> KVCache:
    cache = KVCache(model.config, len(prompts), length, model.embed.weight.dtype)
    for row, prompt in enumerate(prompts):
        alone = KVCache(model.config, 1, prompt.shape[1], model.embed.weight.dtype)
        model(prompt, alone, 0, last_only=True)
        cache.put([row], alone)
    return cache


@torch.inference_mode()
@pytest.mark.parametrize("fmt", ["fp32", "int8", "bf16"])
@pytest.mark.parametrize("own_positions", [False, True])
def test_steps_equal_the_modules_bit_for_bit(model, fmt, own_positions):
    net = _formats(model)[fmt]
    step = DecodeStep(net)
    assert step.fused  # compiled: else this test would compare forward with itself
    lengths = (7, 12, 9) if own_positions else (10, 10, 10)
    prompts = [torch.randint(0, len(VOCAB), (1, n)) for n in lengths]
    theirs, mine = _prefilled(net, prompts, 24), _prefilled(net, prompts, 24)
    tokens = torch.randint(0, len(VOCAB), (3,))
    positions = torch.tensor(lengths)
    for _ in range(6):
        at = positions if own_positions else int(positions[0])
        expected = net(tokens[:, None], theirs, at, last_only=True)[:, -1]
        got = step(tokens, mine, at)
        assert torch.equal(got, expected)
        tokens, positions = expected.float().argmax(-1), positions + 1
    for a, b in zip(theirs.keys + theirs.values, mine.keys + mine.values):
        assert torch.equal(a, b)


@torch.inference_mode()
def test_other_linear_layers_step_through_the_modules(model):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fp16 = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.float16)
    step = DecodeStep(fp16)
    assert not step.fused
    prompt = torch.randint(0, len(VOCAB), (1, 8))
    theirs, mine = _prefilled(fp16, [prompt], 12), _prefilled(fp16, [prompt], 12)
    token = torch.tensor([5])
    assert torch.equal(step(token, mine, 8), fp16(token[:, None], theirs, 8, last_only=True)[:, -1])


@torch.inference_mode()
def test_bad_steps_are_refused_in_one_line(model):
    step = DecodeStep(model)
    cache = KVCache(model.config, 2, 64)
    with pytest.raises(ValueError, match="at most 64"):
        step(torch.tensor([1, 2]), cache, torch.tensor([3, 64]))
    with pytest.raises(ValueError, match="one token per row"):
        step(torch.tensor([1, 2]), cache, torch.tensor([3, 4, 5]))
    with pytest.raises(ValueError, match="bfloat16 cache"):
        step(torch.tensor([1, 2]), KVCache(model.config, 2, 64, torch.bfloat16), 3)
