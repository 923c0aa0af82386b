"""Array types shared by the photo modules."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

BgrImage = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.float32]  # 0..1, same height and width as its image
