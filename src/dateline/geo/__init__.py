"""Places: the GeoNames gazetteer, toponym recognition and resolution in context."""
