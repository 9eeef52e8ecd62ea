# The training options of the default model, shared by build-model.sh, data-card.sh and
# labelling-loop.sh (sourced, not run).
# shellcheck disable=SC2034
MODEL_OPTIONS="--ngrams 2 --min-df 1 --max-df 0.1 --c 10 --class-weight none --max-iter 300 --tol 0.0001 --seed 1"
