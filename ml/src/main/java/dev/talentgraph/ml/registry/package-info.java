/**
 * The model registry: every trained model version lives on a {@code (:Model {id: kind + ':' +
 * version})} node of the graph itself, with its Tribuo protobuf bytes, its fitted feature encoder
 * and its provenance (data, feature set, hyperparameters, seed, time, metrics). Keeping models in
 * the database means a server or a cluster needs no shared disk, and a backup of the graph is a
 * backup of the models. One version per kind is active; older versions stay loadable.
 */
package dev.talentgraph.ml.registry;
