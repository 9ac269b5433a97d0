"""What the rule-based name recognizers share: a result that carries the rank found beside the name."""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

RANK_KEY = "rank"  # recognition_metadata key: the full rank name written beside the name, if any
# recognition_metadata key: the span is a table's whole surname or given-name cell ("surname", "given"), read as found
WHOLE_CELL_KEY = "whole_cell"
# recognition_metadata key: a more precise reason than the type's ("phone number (international)")
REASON_KEY = "reason"


class RuleRecognizer(LocalRecognizer):
    """A recognizer whose rules are plain regular expressions over the whole document text."""

    ENTITY = "PERSON"
    SCORE = 0.9
    EXPLANATION = ""

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="en", name=type(self).__name__)

    def load(self) -> None:  # the patterns are compiled at import
        pass

    def result(self, start: int, end: int, *, rank: str | None = None, score: float | None = None,
               whole_cell: str | None = None) -> RecognizerResult:
        score = self.SCORE if score is None else score
        return RecognizerResult(
            entity_type=self.ENTITY, start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=score,
                                                     textual_explanation=self.EXPLANATION),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, RANK_KEY: rank,
                                  WHOLE_CELL_KEY: whole_cell})
