"""The transformer: shapes, weight tying, and KV-cached decoding equal to the full forward pass."""
import pytest
import torch

from composer.model import Composer, KVCache, ModelConfig
from composer.tokens.vocab import VOCAB


@pytest.fixture(scope="module")
def model(torch_threads):
    torch.manual_seed(0)
    return Composer(ModelConfig(len(VOCAB), block_size=64, n_layer=2, n_head=2, n_embd=32)).eval()


def test_logits_per_position_and_tied_weights(model):
    ids = torch.randint(0, len(VOCAB), (3, 20))
    assert model(ids).shape == (3, 20, len(VOCAB))
    assert model.head.weight is model.embed.weight
    assert model.parameter_count() == sum(p.numel() for p in model.parameters())
    with pytest.raises(ValueError, match="at most 64"):
        model(torch.zeros(1, 65, dtype=torch.long))


def test_attention_is_causal(model):
    ids = torch.randint(0, len(VOCAB), (1, 16))
    changed = ids.clone()
    changed[0, 10:] = (changed[0, 10:] + 1) % len(VOCAB)
    assert torch.allclose(model(ids)[0, :10], model(changed)[0, :10], atol=1e-5)


@torch.inference_mode()
def test_cached_decoding_of_k_candidates_equals_full_forward(model):
    prompt = torch.randint(0, len(VOCAB), (1, 12))
    continuations = torch.randint(0, len(VOCAB), (3, 5))  # three candidates, five tokens each
    cache = KVCache(model.config, batch=3, length=32)
    first = model(prompt, cache, 0, last_only=True)
    assert first.shape == (1, 1, len(VOCAB))
    stepped = []
    for step in range(5):
        stepped.append(model(continuations[:, step:step + 1], cache, 12 + step)[:, -1])
    full = model(torch.cat([prompt.expand(3, -1), continuations], dim=1))
    assert torch.allclose(first[0, -1], full[0, 11], atol=1e-4)
    for step in range(5):
        assert torch.allclose(stepped[step], full[:, 12 + step], atol=1e-4)


@torch.inference_mode()
def test_rows_with_prompts_of_their_own_lengths_step_together_as_each_would_alone(model):
    prompts = [torch.randint(0, len(VOCAB), (1, n)) for n in (7, 12, 9)]
    continuations = torch.randint(0, len(VOCAB), (3, 4))
    cache = KVCache(model.config, batch=3, length=20)
    for row, prompt in enumerate(prompts):
        alone = KVCache(model.config, batch=1, length=prompt.shape[1])
        model(prompt, alone, 0, last_only=True)
        cache.put([row], alone)
    for stored in cache.keys + cache.values:  # what lies beyond a row's own tokens must not matter
        for row, prompt in enumerate(prompts):
            stored[row, :, prompt.shape[1]:] = torch.randn_like(stored[row, :, prompt.shape[1]:])
    positions = torch.tensor([p.shape[1] for p in prompts])
    stepped = [model(continuations[:, step:step + 1], cache, positions + step)[:, -1] for step in range(4)]
    for row, prompt in enumerate(prompts):
        full = model(torch.cat([prompt, continuations[row:row + 1]], dim=1))[0]
        for step in range(4):
            assert torch.allclose(stepped[step][row], full[prompt.shape[1] + step], atol=1e-5)
    with pytest.raises(ValueError, match="one token per row"):
        model(continuations[:, :2], cache, positions)
    with pytest.raises(ValueError, match="at most 64"):
        model(continuations[:, :1], cache, torch.tensor([3, 64, 5]))
