#!/usr/bin/python3
"""The scikit-learn side of `bench/run sklearn`: the same grid search Trialbase runs, as a
user would write it with GridSearchCV, timed as a whole process by the harness.

Stratified 5-fold CV (shuffled, seeded), LogisticRegression over a grid of C (and optionally
penalty and solver, as the Titanic lesson does), the six metrics Trialbase scores by default,
refit on the best accuracy, then scored on the test set when there is one. Points scikit-learn
refuses (e.g. lbfgs with l1) score NaN and the search goes on, as Trialbase's failed trials do.

    grid_search.py --train train.csv [--test test.csv] --target Survived \
        --C 0.001,0.01,0.1,1,10,100,1000 [--penalty l1,l2,elasticnet,none] [--solver lbfgs,...]

Data: CSV with a header row and numeric features, or Weka ARFF (nominal features one-hot
encoded, the nominal target's values as classes in declaration order).
"""
import argparse
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning, FitFailedWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold


def read_csv(path, target):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    y_col = header.index(target)
    return np.delete(data, y_col, axis=1), data[:, y_col]


def read_arff(path, target):
    from scipy.io import arff
    data, meta = arff.loadarff(path)
    columns, y = [], None
    for name in meta.names():
        kind, values = meta[name]
        col = data[name]
        if name == target:
            y = np.array([list(values).index(v.decode()) for v in col]) if kind == "nominal" else col
        elif kind == "nominal":
            for v in values:  # one-hot, as Weka's Logistic does with NominalToBinary
                columns.append(np.array([1.0 if c.decode() == v else 0.0 for c in col]))
        else:
            columns.append(np.asarray(col, dtype=float))
    return np.column_stack(columns), y


def read(path, target):
    return read_arff(path, target) if path.endswith(".arff") else read_csv(path, target)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", required=True)
    p.add_argument("--test")
    p.add_argument("--target", required=True)
    p.add_argument("--C", required=True)
    p.add_argument("--penalty", default="l2")
    p.add_argument("--solver", default="lbfgs")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--n-jobs", type=int, default=None)
    a = p.parse_args()

    X, y = read(a.train, a.target)
    grid = {
        "C": [float(c) for c in a.C.split(",")],
        "penalty": [None if v == "none" else v for v in a.penalty.split(",")],
        "solver": a.solver.split(","),
    }
    scoring = {"accuracy": "accuracy", "precision": "precision", "recall": "recall",
               "f1": "f1", "roc_auc": "roc_auc", "log_loss": "neg_log_loss"}
    search = GridSearchCV(LogisticRegression(), grid, scoring=scoring,
                          refit="accuracy", error_score=np.nan, n_jobs=a.n_jobs,
                          cv=StratifiedKFold(a.folds, shuffle=True, random_state=a.seed))
    with warnings.catch_warnings():
        for w in (ConvergenceWarning, FitFailedWarning, UserWarning, FutureWarning):
            warnings.simplefilter("ignore", w)
        search.fit(X, y)
    failed = int(np.isnan(search.cv_results_["mean_test_accuracy"]).sum())
    print(f"{len(search.cv_results_['params'])} points, {failed} failed")
    print(f"best parameters: {search.best_params_}")
    print(f"best CV accuracy: {search.best_score_:.5f}")
    if a.test:
        X_test, y_test = read(a.test, a.target)
        print(f"test accuracy: {accuracy_score(y_test, search.predict(X_test)):.5f}")


if __name__ == "__main__":
    main()
