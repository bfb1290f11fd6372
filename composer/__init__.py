"""The machine partner: corpus, tokens, model, training and generation.

composer/ may import engine/ and torch (lazily), never Qt. Everything here
serves one task: fill the masked cells of a (bars x tracks) grid given the rest.
"""
