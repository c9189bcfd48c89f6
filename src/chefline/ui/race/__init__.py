"""The race on screen: each kitchen's column, its timelines, chef lanes, scene, figures and
histogram."""
