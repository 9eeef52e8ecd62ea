# How the default model is trained, shared by build-model.sh, data-card.sh and the
# labelling-loop script (sourced, not run): the training files, in C-locale name order (row order
# fixes the summation order, hence the model bytes), and the options.
# shellcheck disable=SC2034
MODEL_FILES=$(LC_ALL=C ls training-data/*.csv | LC_ALL=C sort)
MODEL_OPTIONS="--ngrams 2 --min-df 2 --max-df 0.1 --c 10 --class-weight none --max-iter 300 --tol 0.0001 --seed 1"
